import iconv from 'iconv-lite';
import { decodeGaia, parseTrainers, parseTrainings } from './gaia-file';

const line = (overrides: Partial<Record<number, string>> = {}) => {
  const cells = [
    'ACA973',
    '15A0330016',
    'Développer l’usage du numérique',
    '7863',
    'Préparer la classe avec le numérique',
    '4101',
    '01',
    '01/04/2026',
    '08:30',
    '01/04/2026',
    '16:00',
    'E',
    '9730298L - RECTORAT FICTIF',
    '',
  ];
  for (const [i, v] of Object.entries(overrides)) cells[Number(i)] = v ?? '';
  return cells.join('|');
};

describe('GAIA extracts (pipe-delimited, Windows-1252)', () => {
  it('decodes Windows-1252: accents and the typographic apostrophe survive', () => {
    const bytes = iconv.encode('Éducation|prérequis|l’ENT', 'win1252');
    expect(bytes.includes(0x92)).toBe(true); // ’ is 0x92 in Windows-1252, not valid UTF-8 on its own
    expect(decodeGaia(bytes)).toBe('Éducation|prérequis|l’ENT');
  });

  it('reads a training line: 14 fields, dates to ISO, the UAI out of the place', () => {
    const parsed = parseTrainings(`${line()}\r\n\r\n`);
    expect(parsed.rejected).toEqual([]);
    expect(parsed.lines).toBe(1);
    expect(parsed.rows[0]).toMatchObject({
      dispositifId: '15A0330016',
      moduleId: 7863,
      sessionId: 4101,
      groupNumber: '01',
      startDate: '2026-04-01',
      endTime: '16:00',
      placeUai: '9730298L',
    });
  });

  it('rejects malformed lines with their line number and keeps the others', () => {
    const parsed = parseTrainings(
      [
        line(),
        'ACA973|15A0330016|trop court',
        line({ 7: '31/02/2026' }),
        line({ 3: 'sept' }),
        line({ 6: '1' }),
        line({ 9: '31/03/2026' }),
      ].join('\n'),
    );
    expect(parsed.rows).toHaveLength(1);
    expect(parsed.rejected).toEqual([
      { line: 2, reason: '3 champ(s) au lieu de 14' },
      { line: 3, reason: 'date de début invalide « 31/02/2026 » (jj/mm/aaaa)' },
      { line: 4, reason: 'identifiant de module non entier « sept »' },
      { line: 5, reason: 'numéro de groupe invalide « 1 » (2 chiffres)' },
      { line: 6, reason: 'la session finit avant de commencer' },
    ]);
  });

  it('reads trainer lines and refuses a bad mail', () => {
    const parsed = parseTrainers(
      'ACA973|7863|FORMATRICE|Alice|Alice.Formatrice@ac-exemple.fr|\nACA973|7863|TUTEUR|Bruno|pas-un-mail|',
    );
    expect(parsed.rows).toEqual([
      {
        line: 1,
        sourceTable: 'ACA973',
        moduleId: 7863,
        lastName: 'FORMATRICE',
        firstName: 'Alice',
        mail: 'alice.formatrice@ac-exemple.fr',
      },
    ]);
    expect(parsed.rejected).toEqual([{ line: 2, reason: 'adresse mail invalide « pas-un-mail »' }]);
  });
});
