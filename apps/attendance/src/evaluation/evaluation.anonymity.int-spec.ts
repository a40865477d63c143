import { MESSAGING_MIGRATIONS } from '@forma/messaging';
import { migratedTestDatabase } from '@forma/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ATTENDANCE_MIGRATIONS } from '../migrations';
import { EvaluationRepository } from './evaluation.repository';
import { DEFAULT_ITEMS, groupResult } from './evaluation.rules';

// Anonymity at the database level, on the real PostgreSQL server (issue 14): nothing in the schema or the stored rows
// links an answer to the person who gave it, and results hold the threshold of 5.
describe('anonymous evaluation, in the database', () => {
  let close: (() => Promise<void>) | undefined;
  let dataSource: DataSource;
  const evaluations = new EvaluationRepository();
  const sessionId = randomUUID();
  const respondents = Array.from({ length: 6 }, () => randomUUID());
  const choice = (i: number) => Object.fromEntries(DEFAULT_ITEMS.map((item, k) => [item.key, ((i + k) % 4) + 1]));

  const columns = async (table: string) =>
    (await dataSource.query(
      'SELECT column_name AS name, data_type AS type, column_default AS "default" FROM information_schema.columns WHERE table_name = $1',
      [table],
    )) as {
      name: string;
      type: string;
      default: string | null;
    }[];
  const tallyXmins = async () =>
    (await dataSource.query('SELECT DISTINCT xmin::text AS x FROM evaluation_tally WHERE session_id = $1', [
      sessionId,
    ])) as { x: string }[];

  beforeAll(async () => {
    ({ dataSource, close } = await migratedTestDatabase('attendance_anonymity', [
      ...MESSAGING_MIGRATIONS,
      ...ATTENDANCE_MIGRATIONS,
    ]));
    await dataSource.transaction((m) =>
      evaluations.define(m, { sessionId, moduleId: randomUUID(), academy: 'guyane', items: [...DEFAULT_ITEMS] }),
    );
  });

  afterAll(async () => {
    await close?.();
  });

  it('keeps answers as counters only: no person, no time, no id, no order, and only the session in common with who answered', async () => {
    const tally = await columns('evaluation_tally');
    const respondent = await columns('evaluation_respondent');
    expect(tally.map((c) => c.name).sort()).toEqual(['count', 'item', 'session_id', 'value']);
    expect(respondent.map((c) => c.name).sort()).toEqual(['registration_id', 'session_id']);
    expect(tally.map((c) => c.name).filter((name) => respondent.some((r) => r.name === name))).toEqual(['session_id']);
    for (const c of [...tally, ...respondent]) {
      expect([c.name, /time|date/.test(c.type), (c.default ?? '').includes('nextval')]).toEqual([c.name, false, false]);
    }
    const keys = (await dataSource.query(
      `SELECT tc.table_name AS "table", tc.constraint_type AS type FROM information_schema.table_constraints tc
        WHERE tc.table_name IN ('evaluation_tally', 'evaluation_respondent') AND tc.constraint_type = 'FOREIGN KEY'`,
    )) as unknown[];
    expect(keys).toEqual([]);
  });

  it('touches every cell of the session with each answer: no cell tells what the last respondent chose', async () => {
    const before = await tallyXmins();
    expect(before).toHaveLength(1);
    for (const [i, registrationId] of respondents.entries()) {
      await dataSource.transaction(async (m) => {
        expect(await evaluations.markAnswered(m, sessionId, registrationId)).toBe(true);
        await evaluations.addAnswer(m, sessionId, choice(i));
      });
      const xmins = await tallyXmins();
      expect(xmins).toHaveLength(1); // one transaction wrote every cell, chosen or not
      expect(xmins[0].x).not.toBe(before[0].x);
    }
    // each answer once: a second one is refused by the respondents' key, whatever it says
    await dataSource.transaction(async (m) =>
      expect(await evaluations.markAnswered(m, sessionId, respondents[0])).toBe(false),
    );
    const counts = (await evaluations.tallies(dataSource.manager, sessionId)).filter(
      (t) => t.item === DEFAULT_ITEMS[0].key,
    );
    expect(counts.reduce((n, t) => n + t.count, 0)).toBe(6);
    expect(counts.find((t) => t.value === 1)?.count).toBe(2); // answers 0 and 4 chose 1 for the first item
  });

  it('shows results from 5 respondents on, and a group of 4 not even by its size', async () => {
    const tallies = await evaluations.tallies(dataSource.manager, sessionId);
    expect(
      groupResult(DEFAULT_ITEMS, await evaluations.respondents(dataSource.manager, sessionId), tallies),
    ).toMatchObject({ suppressed: false, respondents: 6 });
    expect(groupResult(DEFAULT_ITEMS, 4, tallies)).toEqual({
      suppressed: true,
      respondents: null,
      reason: expect.stringContaining('secret statistique'),
    });
  });
});
