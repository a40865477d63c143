import { bySession, checkRow, firstInBatch, onePerPerson, Row } from './import-rows';

const mailexport = { format: 'mailexport' as const, roles: ['fullName', 'mail'] as ('fullName' | 'mail')[] };
const row = (number: number, name: string, mail: string): Row => ({ number, cells: [name, mail] });

describe('import rows (no database)', () => {
  it('turns a row into a candidate for the job’s session, or names its problem', () => {
    expect(checkRow(mailexport, 's1', row(2, 'EXEMPLE Claire', 'claire.exemple@ac-exemple.fr'))).toMatchObject({
      target: 's1',
      person: { lastName: 'EXEMPLE', firstName: 'Claire', mail: 'claire.exemple@ac-exemple.fr' },
    });
    expect(checkRow(mailexport, 's1', row(3, 'EXEMPLE Claire', 'pas-un-mail'))).toMatchObject({
      row: { number: 3 },
      problem: { code: 'invalid_mail' },
    });
  });

  it('keeps the first row of a (session, mail) pair and rejects the later ones, naming the first line', () => {
    const rows = [
      row(2, 'A Anne', 'anne@ac-exemple.fr'),
      row(3, 'B Bea', 'bea@ac-exemple.fr'),
      row(4, 'A Anne', ' ANNE@ac-exemple.fr'),
    ];
    const candidates = rows.map((r) => checkRow(mailexport, 's1', r)).filter((c) => 'person' in c);
    const rejected: { row: number; code: string; message: string }[] = [];
    const first = firstInBatch(candidates, (r, p) =>
      rejected.push({ row: r.number, code: p.code, message: p.message }),
    );
    expect([...first.values()].map((c) => c.row.number)).toEqual([2, 3]);
    expect(rejected).toEqual([{ row: 4, code: 'duplicate_in_file', message: expect.stringContaining('(ligne 2)') }]);
  });

  it('one person per mail for the upsert, and sessions in id order', () => {
    const a = checkRow(mailexport, 's2', row(2, 'A Anne', 'anne@ac-exemple.fr'));
    const b = checkRow(mailexport, 's1', row(3, 'A Anne', 'Anne@ac-exemple.fr'));
    const candidates = [a, b].filter((c) => 'person' in c);
    expect(candidates).toHaveLength(2);
    expect(onePerPerson(candidates).map((p) => p.mail)).toEqual(['anne@ac-exemple.fr']);
    expect(bySession(candidates).map(([s, list]) => [s, list.map((c) => c.row.number)])).toEqual([
      ['s1', [3]],
      ['s2', [2]],
    ]);
  });
});
