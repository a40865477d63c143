import { randomBytes } from 'node:crypto';
import { DataSource, QueryFailedError } from 'typeorm';
import { ensureDatabase, dropDatabase } from './create-database';
import { databaseUrlNamed } from './database-config';
import { createServiceDataSource } from './data-source.factory';
import { preparedQuery } from './prepared-query';
import { isRetryable } from './retrying-transaction';

// On the real PostgreSQL server: a statement run through preparedQuery is a named prepared statement of its connection.
describe('preparedQuery', () => {
  const url = databaseUrlNamed(`forma_test_prepared_${randomBytes(4).toString('hex')}`);
  let dataSource: DataSource;

  beforeAll(async () => {
    await ensureDatabase(url);
    dataSource = createServiceDataSource({ url, applicationName: 'prepared-spec', entities: [], migrations: [] });
    await dataSource.initialize();
    await dataSource.query('CREATE TABLE person (id int PRIMARY KEY, mail text NOT NULL)');
  });

  afterAll(async () => {
    await dataSource.destroy();
    await dropDatabase(url);
  });

  const INSERT = 'INSERT INTO person (id, mail) SELECT * FROM unnest($1::int[], $2::text[]) RETURNING id, mail';
  const BY_ID = 'SELECT id, mail FROM person WHERE id = ANY($1::int[]) ORDER BY id';
  const PREPARED = 'SELECT name, statement FROM pg_prepared_statements ORDER BY name';

  it('parses once per connection, answers as manager.query does, and keeps one name per text', async () => {
    await dataSource.transaction(async (manager) => {
      const inserted = await preparedQuery(manager, INSERT, [
        [1, 2],
        ['a@ac-exemple.fr', 'b@ac-exemple.fr'],
      ]);
      expect(inserted).toEqual([
        { id: 1, mail: 'a@ac-exemple.fr' },
        { id: 2, mail: 'b@ac-exemple.fr' },
      ]);
      const read = await preparedQuery(manager, BY_ID, [[2, 1]]);
      expect(read).toEqual(await manager.query(BY_ID, [[2, 1]]));
      expect(await preparedQuery(manager, BY_ID, [[2]])).toEqual([{ id: 2, mail: 'b@ac-exemple.fr' }]);
      const prepared = (await manager.query(PREPARED)) as { name: string; statement: string }[];
      expect(prepared.map((p) => p.statement).sort()).toEqual([BY_ID, INSERT].sort());
      expect(prepared.every((p) => /^forma_\d+$/.test(p.name))).toBe(true);
    });
  });

  it('fails as manager.query fails: a QueryFailedError with PostgreSQL code, which a retrying transaction sees', async () => {
    const failure = await dataSource
      .transaction((manager) => preparedQuery(manager, INSERT, [[1], ['again@ac-exemple.fr']]))
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(QueryFailedError);
    expect((failure as QueryFailedError & { code: string }).code).toBe('23505');
    expect(isRetryable(failure)).toBe(true);
    // the statement stays prepared on its connection, and runs again there
    expect(await preparedQuery(dataSource.manager, BY_ID, [[1]])).toEqual([{ id: 1, mail: 'a@ac-exemple.fr' }]);
  });
});
