import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { shown } from './Bilan';
import { frenchDay } from './dates';

afterEach(cleanup);

describe('a bilan’s figure', () => {
  it('reads « secret » when withheld, its reason on hover and for screen readers', () => {
    render(<p>{shown({ value: null, withheld: 'primary' })}</p>);
    const secret = screen.getByTitle(/^moins de 5 personnes/);
    expect(secret.getAttribute('title')).toBe('moins de 5 personnes : publié, ce chiffre les désignerait');
    expect(secret.textContent).toBe('secret (moins de 5 personnes : publié, ce chiffre les désignerait)');
    expect(secret.querySelector('.fr-sr-only')).not.toBeNull();
  });

  it('says why a figure hidden to protect another is hidden', () => {
    render(<p>{shown({ value: null, withheld: 'secondary' })}</p>);
    expect(screen.getByTitle(/ne se déduise pas des totaux/).textContent).toMatch(/^secret /);
  });

  it('writes numbers and rates the French way', () => {
    expect(shown({ value: 1234 })).toBe(Number(1234).toLocaleString('fr-FR'));
    expect(shown({ value: '0.888' }, true)).toBe('88,8 %');
  });
});

describe('dates in French', () => {
  it('names the day, the month and the year', () => {
    expect(frenchDay('2027-01-12')).toBe('mardi 12 janvier 2027');
    expect(frenchDay('2026-11-30')).toBe('lundi 30 novembre 2026');
  });
});
