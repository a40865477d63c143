import { sqlMigration } from '@forma/persistence';

/**
 * Issue 16: the event log becomes the source of every projection (`seq`: the order reporting received and applied the
 * events, which a rebuild replays), and the facts and dimensions of the bilans. Every fact row carries the day (Paris
 * time) each of its states began, so a bilan "as of" a past day reads the same tables. Presence is also kept as daily
 * deltas (`presence_rollup`): a correction subtracts the corrected mark on its own day, and a bilan sums the deltas up
 * to
 * the day asked. `bi_change` is the BI feed: one row per change of a published cell, ordered by the committing
 * transaction (see docs/reporting.md).
 */
export const ReportingProjections1764000005100 = sqlMigration('ReportingProjections1764000005100', {
  up: [
    // rules made UPDATE and DELETE silent no-ops, and they forbid INSERT ... ON CONFLICT (the log's idempotence): a
    // trigger now refuses them loudly, TRUNCATE included
    'DROP RULE received_event_no_update ON received_event',
    'DROP RULE received_event_no_delete ON received_event',
    `CREATE FUNCTION received_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN RAISE EXCEPTION 'received_event is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege'; END $$`,
    `CREATE TRIGGER received_event_append_only BEFORE UPDATE OR DELETE ON received_event
       FOR EACH ROW EXECUTE FUNCTION received_event_append_only()`,
    `CREATE TRIGGER received_event_no_truncate BEFORE TRUNCATE ON received_event
       FOR EACH STATEMENT EXECUTE FUNCTION received_event_append_only()`,
    'ALTER TABLE received_event ADD COLUMN seq bigserial',
    'ALTER TABLE received_event ADD COLUMN known boolean NOT NULL DEFAULT true',
    'CREATE UNIQUE INDEX received_event_seq ON received_event (seq)',
    'CREATE INDEX received_event_unknown ON received_event (seq) WHERE NOT known',
    `ALTER TABLE offer_module
       ADD COLUMN origin text,
       ADD COLUMN dispositif text,
       ADD COLUMN target_profiles text[] NOT NULL DEFAULT '{}',
       ADD COLUMN face_to_face_minutes integer NOT NULL DEFAULT 0,
       ADD COLUMN distance_minutes integer NOT NULL DEFAULT 0,
       ADD COLUMN revisions integer NOT NULL DEFAULT 1,
       ADD COLUMN first_published_on date,
       ADD COLUMN archived_on date`,
    `CREATE TABLE school_replica (
       uai text PRIMARY KEY, name text NOT NULL, academy text NOT NULL, department text, district text)`,
    'CREATE INDEX school_replica_district ON school_replica (academy, district)',
    'CREATE INDEX school_replica_department ON school_replica (academy, department)',
    `CREATE TABLE fact_session (
       session_id uuid PRIMARY KEY,
       module_id uuid NOT NULL,
       academy text NOT NULL,
       place_uai text,
       school_year text NOT NULL,
       first_day date NOT NULL,
       face_to_face_minutes integer NOT NULL,
       virtual_class_minutes integer NOT NULL,
       scheduled_on date NOT NULL,
       cancelled_on date,
       delivered_on date)`,
    'CREATE INDEX fact_session_academy ON fact_session (academy, module_id)',
    `CREATE TABLE fact_registration (
       registration_id uuid PRIMARY KEY,
       session_id uuid NOT NULL,
       module_id uuid NOT NULL,
       academy text NOT NULL,
       participant_id uuid NOT NULL,
       uai text,
       profile text NOT NULL,
       confirmed_on date NOT NULL,
       cancelled_on date,
       completed_on date,
       completion_revoked_on date,
       attested_on date,
       attestation_revoked_on date)`,
    'CREATE INDEX fact_registration_academy ON fact_registration (academy, uai)',
    'CREATE INDEX fact_registration_session ON fact_registration (session_id)',
    // a mark's id is attendance's sequence number: unique in one attendance database, so with its registration
    `CREATE TABLE presence_mark (
       mark_id text NOT NULL,
       registration_id uuid NOT NULL,
       session_id uuid NOT NULL,
       slot_key text NOT NULL,
       modality text NOT NULL,
       status text NOT NULL,
       minutes integer NOT NULL,
       recorded_on date NOT NULL,
       superseded_on date,
       PRIMARY KEY (registration_id, mark_id))`,
    'CREATE INDEX presence_mark_current ON presence_mark (registration_id, slot_key, modality) WHERE superseded_on IS NULL',
    `CREATE TABLE presence_rollup (
       academy text NOT NULL,
       session_id uuid NOT NULL,
       module_id uuid NOT NULL,
       uai text NOT NULL DEFAULT '',
       profile text NOT NULL DEFAULT '',
       modality text NOT NULL,
       day date NOT NULL,
       attended_marks integer NOT NULL,
       counted_marks integer NOT NULL,
       minutes bigint NOT NULL,
       people integer NOT NULL DEFAULT 0,
       PRIMARY KEY (academy, session_id, uai, profile, modality, day))`,
    'CREATE INDEX presence_rollup_school ON presence_rollup (uai, day)',
    // the académie's own rollup (no session, no school): what its bilan reads, a few rows per day
    `CREATE TABLE presence_daily (
       academy text NOT NULL, profile text NOT NULL DEFAULT '', modality text NOT NULL, day date NOT NULL,
       attended_marks integer NOT NULL, counted_marks integer NOT NULL, minutes bigint NOT NULL, people integer NOT NULL DEFAULT 0,
       PRIMARY KEY (academy, profile, modality, day))`,
    `CREATE TABLE registration_modality (
       registration_id uuid NOT NULL, modality text NOT NULL, first_on date NOT NULL,
       PRIMARY KEY (registration_id, modality))`,
    `CREATE TABLE fact_completion (
       id bigserial PRIMARY KEY,
       registration_id uuid NOT NULL,
       session_id uuid NOT NULL,
       completed_on date NOT NULL,
       revoked_on date)`,
    'CREATE INDEX fact_completion_registration ON fact_completion (registration_id) WHERE revoked_on IS NULL',
    `CREATE TABLE fact_attestation (
       attestation_id uuid PRIMARY KEY,
       registration_id uuid NOT NULL,
       session_id uuid NOT NULL,
       issued_on date NOT NULL,
       revoked_on date)`,
    'CREATE INDEX fact_attestation_session ON fact_attestation (session_id)',
    `CREATE TABLE fact_evaluation (
       session_id uuid NOT NULL, answered_on date NOT NULL, answers integer NOT NULL,
       PRIMARY KEY (session_id, answered_on))`,
    `CREATE TABLE fact_convention (
       convention_id uuid PRIMARY KEY,
       academy text NOT NULL,
       uai text NOT NULL,
       school_year text NOT NULL,
       signed_on date,
       service_fait_on date,
       validated_on date,
       closed_on date)`,
    `CREATE TABLE fact_hse (
       id bigserial PRIMARY KEY,
       convention_id uuid NOT NULL,
       trainer_id uuid NOT NULL,
       hse numeric(9,2) NOT NULL,
       allocated_on date NOT NULL)`,
    'CREATE INDEX fact_hse_convention ON fact_hse (convention_id)',
    `CREATE TABLE fact_hse_paid (
       convention_id uuid NOT NULL, batch_id uuid NOT NULL, hse numeric(9,2) NOT NULL, amount numeric(12,2) NOT NULL, paid_on date NOT NULL,
       PRIMARY KEY (convention_id, batch_id))`,
    `CREATE TABLE bi_cell (
       fact text NOT NULL, cell_key text NOT NULL, academy text NOT NULL, body jsonb NOT NULL,
       PRIMARY KEY (fact, cell_key))`,
    `CREATE TABLE bi_change (
       seq bigserial PRIMARY KEY,
       tx xid8 NOT NULL DEFAULT pg_current_xact_id(),
       fact text NOT NULL,
       cell_key text NOT NULL,
       academy text NOT NULL,
       body jsonb,
       deleted boolean NOT NULL DEFAULT false)`,
    'CREATE INDEX bi_change_feed ON bi_change (fact, academy, tx, seq)',
  ],
  down: [
    'DROP TABLE bi_change, bi_cell, fact_hse_paid, fact_hse, fact_convention, fact_evaluation, fact_attestation, fact_completion, registration_modality, presence_daily, presence_rollup, presence_mark, fact_registration, fact_session, school_replica',
    `ALTER TABLE offer_module DROP COLUMN origin, DROP COLUMN dispositif, DROP COLUMN target_profiles, DROP COLUMN face_to_face_minutes,
       DROP COLUMN distance_minutes, DROP COLUMN revisions, DROP COLUMN first_published_on, DROP COLUMN archived_on`,
    'DROP INDEX received_event_unknown',
    'DROP INDEX received_event_seq',
    'ALTER TABLE received_event DROP COLUMN known',
    'ALTER TABLE received_event DROP COLUMN seq',
    'DROP TRIGGER received_event_no_truncate ON received_event',
    'DROP TRIGGER received_event_append_only ON received_event',
    'DROP FUNCTION received_event_append_only()',
    'CREATE RULE received_event_no_update AS ON UPDATE TO received_event DO INSTEAD NOTHING',
    'CREATE RULE received_event_no_delete AS ON DELETE TO received_event DO INSTEAD NOTHING',
  ],
});
