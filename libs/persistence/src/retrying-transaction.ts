import { DataSource, EntityManager, QueryFailedError } from 'typeorm';

/**
 * unique_violation (a concurrent transaction inserted the same key first), serialization_failure, deadlock_detected.
 */
const RETRYABLE = new Set(['23505', '40001', '40P01']);

/**
 * Runs a unit of work in a transaction, and again (up to `attempts` times) when PostgreSQL broke a deadlock, refused a
 * serialization or a concurrent transaction created the same row first: the work must be written to be re-run whole.
 */
export async function retryingTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
  attempts = 5,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await dataSource.transaction(work);
    } catch (error) {
      if (!isRetryable(error) || attempt >= attempts) throw error;
    }
  }
}

export function isRetryable(error: unknown): boolean {
  const code = error instanceof QueryFailedError ? (error.driverError as { code?: string }).code : undefined;
  return !!code && RETRYABLE.has(code);
}
