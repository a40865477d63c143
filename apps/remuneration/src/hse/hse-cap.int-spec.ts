import { MESSAGING_MIGRATIONS } from '@forma/messaging';
import { migratedTestDatabase } from '@forma/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { REMUNERATION_MIGRATIONS } from '../migrations';
import { HseRepository } from './hse.repository';

// The cap of HSE per formateur accompagnateur and convention, held by PostgreSQL (issue 15): 50 proposals at once,
// each in its own transaction and connection, never take a trainer above the cap.
describe('the HSE cap under concurrent proposals, on PostgreSQL', () => {
  let close: (() => Promise<void>) | undefined;
  let dataSource: DataSource;
  const hse = new HseRepository();
  const convention = randomUUID();
  const trainer = randomUUID();
  const session = randomUUID();

  beforeAll(async () => {
    ({ dataSource, close } = await migratedTestDatabase(
      'remuneration_cap',
      [...MESSAGING_MIGRATIONS, ...REMUNERATION_MIGRATIONS],
      60,
    ));
    await dataSource.query(
      "INSERT INTO convention (id, academy, uai, school_year, state, cap_hse, content_sha256, created_by) VALUES ($1, 'guyane', '9730298L', '2026-2027', 'in-progress', 18, 'x', 'spec')",
      [convention],
    );
    await dataSource.query(
      "INSERT INTO convention_trainer (id, convention_id, name, mail, grade, engaged, cap_hse) VALUES ($1, $2, 'Alice', 'alice@ac-exemple.fr', 'certifie', true, 18)",
      [trainer, convention],
    );
    await dataSource.query(
      "INSERT INTO plan_line (id, convention_id, position, kind, date, minutes, headcount, trainer_id, session_id) VALUES ($1, $2, 0, 'face-to-face', '2026-11-17', 180, 10, $3, $4)",
      [randomUUID(), convention, trainer, session],
    );
    // 30 hours delivered: the cap (18) is what binds
    await dataSource.query(
      "INSERT INTO delivered_hours VALUES ($1, 'alice@ac-exemple.fr', 'Alice', 'alice@ac-exemple.fr', 'trainer', 1800, 0, 0, now(), 'guyane')",
      [session],
    );
  });

  afterAll(async () => {
    await close?.();
  });

  it('accepts exactly 18 of 50 concurrent proposals of 1 HSE, and refuses the rest', async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 50 }, () => dataSource.transaction((m) => hse.allocate(m, convention, trainer, '1'))),
    );
    const accepted = outcomes.filter((o) => !('refusal' in o));
    expect(accepted).toHaveLength(18);
    expect(outcomes.filter((o) => 'refusal' in o).every((o) => 'refusal' in o && o.refusal === 'cap_exceeded')).toBe(
      true,
    );
    expect(
      (await dataSource.query('SELECT allocated_hse::text AS a FROM convention_trainer WHERE id = $1', [trainer]))[0].a,
    ).toBe('18.00');
  });

  it('holds the cap even against a statement that ignores it (CHECK constraint)', async () => {
    await expect(
      dataSource.query('UPDATE convention_trainer SET allocated_hse = 18.5 WHERE id = $1', [trainer]),
    ).rejects.toThrow(/hse_within_cap/);
  });

  it('refuses more than the hours delivered', async () => {
    const other = randomUUID();
    await dataSource.query(
      "INSERT INTO convention_trainer (id, convention_id, name, mail, grade, engaged, cap_hse) VALUES ($1, $2, 'Bruno', 'bruno@ac-exemple.fr', 'agrege', true, 18)",
      [other, convention],
    );
    await dataSource.query(
      "INSERT INTO delivered_hours VALUES ($1, 'bruno@ac-exemple.fr', 'Bruno', 'bruno@ac-exemple.fr', 'trainer', 90, 0, 30, now(), 'guyane')",
      [session],
    );
    expect(await dataSource.transaction((m) => hse.allocate(m, convention, other, '2.5'))).toEqual({
      refusal: 'above_delivered_hours',
      allocated: '0.00',
    });
    expect(await dataSource.transaction((m) => hse.allocate(m, convention, other, '2'))).toEqual({ allocated: '2.00' });
  });

  it('counts only the hours delivered in the convention’s académie (issue 22)', async () => {
    const foreignSession = randomUUID();
    const [{ id: claire }] = await dataSource.query(
      "INSERT INTO convention_trainer (id, convention_id, name, mail, grade, engaged, cap_hse) VALUES (gen_random_uuid(), $1, 'Claire', 'claire@ac-exemple.fr', 'certifie', true, 18) RETURNING id",
      [convention],
    );
    await dataSource.query(
      "INSERT INTO plan_line (id, convention_id, position, kind, date, minutes, headcount, trainer_id, session_id) VALUES (gen_random_uuid(), $1, 99, 'face-to-face', '2027-01-12', 180, 10, $2, $3)",
      [convention, claire, foreignSession],
    );
    await dataSource.query(
      "INSERT INTO delivered_hours VALUES ($1, 'claire@ac-exemple.fr', 'Claire', 'claire@ac-exemple.fr', 'trainer', 600, 0, 0, now(), 'toulouse')",
      [foreignSession],
    );
    expect(await dataSource.transaction((m) => hse.allocate(m, convention, claire, '1'))).toEqual({
      refusal: 'above_delivered_hours',
      allocated: '0.00',
    });
  });
});
