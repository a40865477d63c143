import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox and the inbox, in every service's own database. Each service lists this migration in its migrations,
 * before its own ones.
 */
export class CreateMessagingTables1764000000000 implements MigrationInterface {
  name = 'CreateMessagingTables1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
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
      )`);
    await q.query(`CREATE INDEX outbox_message_unsent ON outbox_message (seq) WHERE sent_at IS NULL`);
    await q.query(`CREATE INDEX outbox_message_unsent_key ON outbox_message (message_key, seq) WHERE sent_at IS NULL`);
    await q.query(`
      CREATE TABLE inbox_message (
        event_id       uuid NOT NULL,
        consumer_group text NOT NULL,
        event_type     text NOT NULL,
        topic          text NOT NULL,
        kafka_partition integer NOT NULL,
        kafka_offset   bigint NOT NULL,
        processed_at   timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (event_id, consumer_group)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE inbox_message');
    await q.query('DROP TABLE outbox_message');
  }
}

/**
 * The relay deletes what the broker has acknowledged (see OutboxRelay): every row left is unsent, so the partial
 * indexes on unsent rows and the sent bookkeeping go. Rows already sent are deleted: their events are in Kafka.
 */
export class OutboxDeletesSentRows1764000000200 implements MigrationInterface {
  name = 'OutboxDeletesSentRows1764000000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query('DELETE FROM outbox_message WHERE sent_at IS NOT NULL');
    await q.query('DROP INDEX outbox_message_unsent');
    await q.query('DROP INDEX outbox_message_unsent_key');
    await q.query('ALTER TABLE outbox_message DROP COLUMN sent_at, DROP COLUMN attempts, DROP COLUMN last_error');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE outbox_message ADD COLUMN sent_at timestamptz, ADD COLUMN attempts integer NOT NULL DEFAULT 0, ADD COLUMN last_error text');
    await q.query('CREATE INDEX outbox_message_unsent ON outbox_message (seq) WHERE sent_at IS NULL');
    await q.query('CREATE INDEX outbox_message_unsent_key ON outbox_message (message_key, seq) WHERE sent_at IS NULL');
  }
}

/** The messaging tables' migrations, in order: every service lists them before its own. */
export const MESSAGING_MIGRATIONS = [CreateMessagingTables1764000000000, OutboxDeletesSentRows1764000000200];
