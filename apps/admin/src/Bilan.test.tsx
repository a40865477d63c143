import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { shown, withBar } from './BilanFigures';
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

describe('a figure’s bar', () => {
  it('draws a share of the largest, a rate of one whole, and nothing for a withheld figure', () => {
    const { container } = render(
      <div>
        <p data-testid="share">{withBar({ value: 30 }, 120)}</p>
        <p data-testid="rate">{withBar({ value: '1.25' }, 1, true)}</p>
        <p data-testid="secret">{withBar({ value: null, withheld: 'primary' }, 120)}</p>
      </div>,
    );
    expect(screen.getByTestId('share').querySelector('[data-bar]')?.getAttribute('data-bar')).toBe('0.250');
    expect(screen.getByTestId('rate').querySelector('[data-bar]')?.getAttribute('data-bar')).toBe('1.000');
    expect(screen.getByTestId('secret').querySelector('[data-bar]')).toBeNull();
    // the bars are drawn for the eye only: the table's text is what screen readers read
    container.querySelectorAll('[data-bar]').forEach((bar) => expect(bar.getAttribute('aria-hidden')).toBe('true'));
    expect(container.querySelectorAll('[data-bar]')).toHaveLength(2);
  });
});
