import { sqlMigration } from '@forma/persistence';

/**
 * Issue 23: the BI feed gives a change only once every transaction begun before it has ended, so a transaction left
 * open anywhere in reporting's database (a forgotten psql session, a stuck client) held the feed back for every
 * académie. Every new session of this database now ends a transaction idle for more than 15 seconds (the server
 * terminates the session). A session that must wait on purpose says so (`SET idle_in_transaction_session_timeout`).
 */
export const IDLE_TRANSACTION_LIMIT = '15s';

export const IdleTransactionLimit1764000005800 = sqlMigration('IdleTransactionLimit1764000005800', {
  up: [
    `DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET idle_in_transaction_session_timeout = %L', current_database(), '${IDLE_TRANSACTION_LIMIT}'); END $$`,
  ],
  down: [
    `DO $$ BEGIN EXECUTE format('ALTER DATABASE %I RESET idle_in_transaction_session_timeout', current_database()); END $$`,
  ],
});
