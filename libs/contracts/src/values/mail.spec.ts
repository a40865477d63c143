import { isEmail, validateSync } from 'class-validator';
import { IsMail, isMail } from './mail';

const samples = [
  'camille.martin@ac-exemple.fr',
  'Camille.Martin@AC-EXEMPLE.FR',
  'prenom.nom+forma@ac-exemple.fr',
  'sans-arobase.ac-exemple.fr',
  'deux@@ac-exemple.fr',
  'espace dedans@ac-exemple.fr',
  'a@b',
  '',
  'élève@ac-exemple.fr',
];

class Holder {
  @IsMail()
  mail!: unknown;

  @IsMail({ each: true })
  copies!: unknown[];
}

describe('isMail', () => {
  it('gives isEmail’s verdict, asked once or again, and refuses what is not a string', () => {
    for (const round of [1, 2])
      for (const value of samples) expect([round, value, isMail(value)]).toEqual([round, value, isEmail(value)]);
    for (const value of [null, undefined, 42, {}, ['a@b.fr']]) expect(isMail(value)).toBe(false);
  });

  it('keeps its verdicts right past the number it remembers', () => {
    for (let i = 0; i < 10_000; i += 1) {
      const value = i % 3 === 0 ? `sans-arobase-${i}` : `personne.${i}@ac-exemple.fr`;
      expect(isMail(value)).toBe(i % 3 !== 0);
    }
    for (const value of samples) expect(isMail(value)).toBe(isEmail(value));
  });

  it('is the isEmail constraint for the validator, with its message, on a value or on each element', () => {
    const holder = Object.assign(new Holder(), { mail: 'pas-un-mail', copies: ['ok@ac-exemple.fr', 'non'] });
    const errors = validateSync(holder);
    expect(errors.map((e) => [e.property, e.constraints])).toEqual([
      ['mail', { isEmail: 'mail must be an email' }],
      ['copies', { isEmail: 'each value in copies must be an email' }],
    ]);
    expect(validateSync(Object.assign(new Holder(), { mail: 'ok@ac-exemple.fr', copies: [] }))).toEqual([]);
  });
});
