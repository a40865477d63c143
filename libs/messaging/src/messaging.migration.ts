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

/**
 * An outbox row holds a run of events of one topic, written by one transaction with the same headers but their ids
 * (issue 24): their ids and keys in order, their payloads as JSON Lines (`JSON.stringify` never writes a line break)
 * compressed with zstd, and the headers they share (the relay adds each one's `event-id`). A bulk import wrote one
 * ~1 kB row per event, with two indexes and a `jsonb` of headers to parse, and the relay read each one back: now one
 * row of ~70 kB per batch of 500, stored out of line as it is (`EXTERNAL`: zstd already compressed it). Rows waiting
 * at the upgrade become runs of one, their payload uncompressed (the relay tells them by zstd's magic number).
 */
export const OutboxHoldsRunsOfEvents1764000006300 = sqlMigration('OutboxHoldsRunsOfEvents1764000006300', {
  up: [
    'ALTER TABLE outbox_message ADD COLUMN event_ids uuid[], ADD COLUMN message_keys text[], ADD COLUMN payloads bytea',
    `UPDATE outbox_message
        SET event_ids = ARRAY[event_id], message_keys = ARRAY[message_key], payloads = convert_to(payload, 'UTF8'), headers = headers - 'event-id'`,
    `ALTER TABLE outbox_message
       ALTER COLUMN event_ids SET NOT NULL, ALTER COLUMN message_keys SET NOT NULL,
       ALTER COLUMN payloads SET NOT NULL, ALTER COLUMN payloads SET STORAGE EXTERNAL,
       ADD CONSTRAINT outbox_message_run CHECK (cardinality(event_ids) > 0 AND cardinality(message_keys) = cardinality(event_ids)),
       DROP COLUMN event_id, DROP COLUMN message_key, DROP COLUMN payload`,
  ],
  down: [
    // PostgreSQL cannot read zstd: the relay must have sent the compressed runs before going back
    `DO $$ BEGIN
       IF EXISTS (SELECT 1 FROM outbox_message WHERE substring(payloads FROM 1 FOR 4) = '\\x28b52ffd'::bytea) THEN
         RAISE EXCEPTION 'the outbox still holds compressed runs of events: let the relay send them, then migrate back';
       END IF;
     END $$`,
    // each run back into rows of one event, in the order they were written
    'ALTER TABLE outbox_message RENAME TO outbox_run',
    `CREATE TABLE outbox_message (
        seq           bigserial PRIMARY KEY,
        event_id      uuid NOT NULL UNIQUE,
        topic         text NOT NULL,
        message_key   text NOT NULL,
        event_type    text NOT NULL,
        event_version integer NOT NULL,
        payload       text NOT NULL,
        headers       jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at    timestamptz NOT NULL DEFAULT now()
      )`,
    `INSERT INTO outbox_message (event_id, topic, message_key, event_type, event_version, payload, headers, created_at)
     SELECT e.id, r.topic, e.key, r.event_type, r.event_version, e.payload,
            r.headers || jsonb_build_object('event-id', e.id), r.created_at
       FROM outbox_run r,
            unnest(r.event_ids, r.message_keys, string_to_array(convert_from(r.payloads, 'UTF8'), E'\\n'))
              WITH ORDINALITY AS e(id, key, payload, n)
      ORDER BY r.seq, e.n`,
    'DROP TABLE outbox_run',
  ],
});

/** The messaging tables' migrations, in order: every service lists them before its own. */
export const MESSAGING_MIGRATIONS = [
  CreateMessagingTables1764000000000,
  OutboxDeletesSentRows1764000000200,
  OutboxHoldsRunsOfEvents1764000006300,
];
