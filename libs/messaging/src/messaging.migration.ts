import { sqlMigration } from '@forma/persistence';

/**
 * The outbox and the inbox, in every service's own database. Each service lists this migration in its migrations,
 * before its own ones.
 */
export const CreateMessagingTables1764000000000 = sqlMigration('CreateMessagingTables1764000000000', {
  up: [
    `
      CREATE TABLE outbox_message (
        seq           bigserial PRIMARY KEY,
        event_id      uuid NOT NULL UNIQUE,
        topic         text NOT NULL,
        message_key   text NOT NULL,
        event_type    text NOT NULL,
        event_version integer NOT NULL,
        payload       text NOT NULL,
        headers       jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at    timestamptz NOT NULL DEFAULT now(),
        sent_at       timestamptz,
        attempts      integer NOT NULL DEFAULT 0,
        last_error    text
      )`,
    `CREATE INDEX outbox_message_unsent ON outbox_message (seq) WHERE sent_at IS NULL`,
    `CREATE INDEX outbox_message_unsent_key ON outbox_message (message_key, seq) WHERE sent_at IS NULL`,
    `
      CREATE TABLE inbox_message (
        event_id       uuid NOT NULL,
        consumer_group text NOT NULL,
        event_type     text NOT NULL,
        topic          text NOT NULL,
        kafka_partition integer NOT NULL,
        kafka_offset   bigint NOT NULL,
        processed_at   timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (event_id, consumer_group)
      )`,
  ],
  down: ['DROP TABLE inbox_message', 'DROP TABLE outbox_message'],
});

/**
 * The relay deletes what the broker has acknowledged (see OutboxRelay): every row left is unsent, so the partial
 * indexes on unsent rows and the sent bookkeeping go. Rows already sent are deleted: their events are in Kafka.
 */
export const OutboxDeletesSentRows1764000000200 = sqlMigration('OutboxDeletesSentRows1764000000200', {
  up: [
    'DELETE FROM outbox_message WHERE sent_at IS NOT NULL',
    'DROP INDEX outbox_message_unsent',
    'DROP INDEX outbox_message_unsent_key',
    'ALTER TABLE outbox_message DROP COLUMN sent_at, DROP COLUMN attempts, DROP COLUMN last_error',
  ],
  down: [
    'ALTER TABLE outbox_message ADD COLUMN sent_at timestamptz, ADD COLUMN attempts integer NOT NULL DEFAULT 0, ADD COLUMN last_error text',
    'CREATE INDEX outbox_message_unsent ON outbox_message (seq) WHERE sent_at IS NULL',
    'CREATE INDEX outbox_message_unsent_key ON outbox_message (message_key, seq) WHERE sent_at IS NULL',
  ],
});

/** The messaging tables' migrations, in order: every service lists them before its own. */
export const MESSAGING_MIGRATIONS = [CreateMessagingTables1764000000000, OutboxDeletesSentRows1764000000200];
