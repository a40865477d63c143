import { sqlMigration } from '@forma/persistence';

export const CreateReceivedEventAndOffer1764000005000 = sqlMigration('CreateReceivedEventAndOffer1764000005000', {
  // An append-only copy of every event reporting received: projections can be rebuilt from it.
  up: [
    `
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
      )`,
    `CREATE RULE received_event_no_update AS ON UPDATE TO received_event DO INSTEAD NOTHING`,
    `CREATE RULE received_event_no_delete AS ON DELETE TO received_event DO INSTEAD NOTHING`,
    `
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
      )`,
    'CREATE INDEX offer_module_page ON offer_module (published_at, module_id)',
  ],
  down: ['DROP TABLE offer_module', 'DROP TABLE received_event'],
});
