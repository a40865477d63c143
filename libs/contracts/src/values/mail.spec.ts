import { isEmail, validateSync } from 'class-validator';
import { IsMail, isMail, isPlainMail } from './mail';

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

  it('accepts a plain mail only where isEmail accepts it (edges, and 20,000 strings built near them)', () => {
    const label = (n: number) => 'a'.repeat(n);
    const edges = [
      `${label(64)}@ac-exemple.fr`,
      `${label(65)}@ac-exemple.fr`,
      `p@${label(63)}.fr`,
      `p@${label(64)}.fr`,
      `p@${Array.from({ length: 60 }, () => 'ab').join('.')}.fr`,
      `p@${Array.from({ length: 70 }, () => 'abc').join('.')}.fr`,
      'p@ac-exemple.f',
      'p@ac-exemple.123',
      'p@-ac.fr',
      'p@ac-.fr',
      'p@ac_exemple.fr',
      'p..q@ac-exemple.fr',
      '.p@ac-exemple.fr',
      'p.@ac-exemple.fr',
      'p@ac-exemple.fr.',
      'p@ac..fr',
      "o'neil+x_y{z}@ac-exemple.fr",
      '"cite"@ac-exemple.fr',
      'p@xn--exmple-cua.fr',
    ];
    const alphabet = [
      'a',
      'Z',
      '7',
      'b',
      'fr',
      'ac-exemple',
      'nom',
      '.',
      '.',
      '-',
      '_',
      '+',
      "'",
      '@',
      '"',
      ' ',
      'é',
      '\\',
      '(',
    ];
    let seed = 7;
    const next = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    const valid = ['camille.martin@ac-exemple.fr', 'p@ac.fr', 'prenom.nom-2+x@dsden75.ac-paris.gouv.fr'];
    // a valid mail with up to three characters inserted, replaced or removed
    const built = Array.from({ length: 20_000 }, () => {
      let text = valid[next(valid.length)];
      for (let m = next(4); m > 0; m -= 1) {
        const at = next(text.length + 1);
        const c = alphabet[next(alphabet.length)];
        text = [
          text.slice(0, at) + c + text.slice(at),
          text.slice(0, at) + c + text.slice(at + 1),
          text.slice(0, at) + text.slice(at + 1),
        ][next(3)];
      }
      return text;
    });
    let plain = 0;
    let accepted = 0;
    for (const value of [...edges, ...built]) {
      const verdict = isEmail(value);
      // never a plain mail that isEmail refuses; and isMail's verdict is isEmail's either way
      if (isPlainMail(value)) expect([value, verdict]).toEqual([value, true]);
      expect([value, isMail(value)]).toEqual([value, verdict]);
      plain += Number(isPlainMail(value));
      accepted += Number(verdict);
    }
    // the strings reach both verdicts, and most accepted ones take the short way
    expect(accepted).toBeGreaterThan(3000);
    expect(accepted).toBeLessThan(built.length - 3000);
    expect(plain).toBeGreaterThan(accepted * 0.8);
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
