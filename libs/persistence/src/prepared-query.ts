import { EntityManager } from 'typeorm';

/** Distinct statement texts named per process; any text beyond runs unnamed, as `manager.query` runs it. */
const MAX_NAMED_STATEMENTS = 256;
const names = new Map<string, string>();

/**
 * Runs a statement of fixed text as a named prepared statement of node-postgres: PostgreSQL parses it once per
 * connection (pg sends `Parse` only the first time a connection meets the name) and, after five runs, may keep one
 * generic plan for it instead of planning every run. For the statements a bulk import runs once per batch: parse and
 * plan were ~15 % of PostgreSQL's time there (bench/README.md). The text must not embed values — they are parameters
 * — or each would become a statement of its own; past `MAX_NAMED_STATEMENTS` texts, statements run unnamed.
 *
 * TypeORM hands the query to pg's `client.query(query, parameters)` as it is, and pg takes a `{ name, text }` config
 * there as well as a string; its errors stay TypeORM's `QueryFailedError` (so `retryingTransaction` sees their codes).
 * Named statements live on a connection: they need a session (not a transaction-mode PgBouncer in between).
 */
export function preparedQuery<T = unknown>(manager: EntityManager, text: string, parameters: unknown[]): Promise<T> {
  let name = names.get(text);
  if (name === undefined && names.size < MAX_NAMED_STATEMENTS) {
    name = `forma_${names.size + 1}`;
    names.set(text, name);
  }
  // a fresh config each call: pg writes the call's values into the object it is given
  const query = name === undefined ? text : ({ name, text } as unknown as string);
  return manager.query(query, parameters) as Promise<T>;
}
