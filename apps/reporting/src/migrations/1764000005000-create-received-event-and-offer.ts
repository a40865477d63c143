import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateReceivedEventAndOffer1764000005000 implements MigrationInterface {
  name = 'CreateReceivedEventAndOffer1764000005000';

  async up(q: QueryRunner): Promise<void> {
    // An append-only copy of every event reporting received: projections can be rebuilt from it.
    await q.query(`
      CREATE TABLE received_event (
        event_id uuid PRIMARY KEY,
        event_type text NOT NULL,
        event_version integer NOT NULL,
        source text NOT NULL,
        aggregate_key text NOT NULL,
        academy text,
        occurred_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        envelope jsonb NOT NULL
      )`);
    await q.query(`CREATE RULE received_event_no_update AS ON UPDATE TO received_event DO INSTEAD NOTHING`);
    await q.query(`CREATE RULE received_event_no_delete AS ON DELETE TO received_event DO INSTEAD NOTHING`);
    await q.query(`
      CREATE TABLE offer_module (
        module_id uuid PRIMARY KEY,
        revision integer NOT NULL,
        title text NOT NULL,
        kind text NOT NULL,
        category text NOT NULL,
        modality text NOT NULL,
        academy text NOT NULL,
        total_hours numeric(7,2) NOT NULL,
        published_at timestamptz NOT NULL
      )`);
    await q.query('CREATE INDEX offer_module_page ON offer_module (published_at, module_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE offer_module');
    await q.query('DROP TABLE received_event');
  }
}
