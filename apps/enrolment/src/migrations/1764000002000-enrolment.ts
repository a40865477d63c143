import { sqlMigration } from '@forma/persistence';

/**
 * Enrolment's tables: local replicas of the catalog's facts (modules, sessions, schools) and of attendance's
 * completions; people and their history; registrations and their transitions; import jobs; convocations (the
 * notification outbox); workshop plans.
 */
export const Enrolment1764000002000 = sqlMigration('Enrolment1764000002000', {
  up: [
    `
      CREATE TABLE module_replica (
        module_id uuid PRIMARY KEY,
        revision integer NOT NULL,
        title text NOT NULL,
        academy text NOT NULL,
        archived boolean NOT NULL DEFAULT false,
        prerequisite_module_ids uuid[] NOT NULL DEFAULT '{}',
        themes text[] NOT NULL DEFAULT '{}',
        total_hours numeric(7,2) NOT NULL DEFAULT 0
      );
      CREATE TABLE session_replica (
        session_id uuid PRIMARY KEY,
        module_id uuid NOT NULL,
        module_revision integer NOT NULL,
        academy text NOT NULL,
        group_number text NOT NULL,
        capacity integer NOT NULL CHECK (capacity >= 1),
        status text NOT NULL,
        slots jsonb NOT NULL,
        place_uai text,
        gaia_session_id integer,
        cancel_reason text,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX session_replica_gaia ON session_replica (gaia_session_id) WHERE gaia_session_id IS NOT NULL;
      CREATE TABLE school_replica (
        uai text PRIMARY KEY,
        name text NOT NULL,
        academy text NOT NULL
      );
      CREATE TABLE completion (
        participant_id uuid NOT NULL,
        module_id uuid NOT NULL,
        session_id uuid NOT NULL,
        completed_at timestamptz NOT NULL,
        PRIMARY KEY (participant_id, module_id)
      );

      CREATE TABLE participant (
        id uuid PRIMARY KEY,
        mail_key text NOT NULL UNIQUE,
        mail text NOT NULL,
        last_name text NOT NULL,
        first_name text NOT NULL DEFAULT '',
        function text,
        grade text,
        uai text,
        profile text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE participant_history (
        id bigserial PRIMARY KEY,
        participant_id uuid NOT NULL REFERENCES participant (id),
        version integer NOT NULL,
        changes jsonb NOT NULL,
        source text NOT NULL,
        actor text NOT NULL,
        changed_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX participant_history_participant ON participant_history (participant_id, id);

      CREATE TABLE registration (
        id uuid PRIMARY KEY,
        session_id uuid NOT NULL REFERENCES session_replica (session_id),
        module_id uuid NOT NULL,
        participant_id uuid NOT NULL REFERENCES participant (id),
        kind text NOT NULL CHECK (kind IN ('individual', 'designated', 'imported')),
        state text NOT NULL CHECK (state IN ('requested', 'confirmed', 'waitlisted', 'cancelled')),
        designated_by text,
        waitlisted_at timestamptz,
        cancel_reason text,
        cancel_comment text,
        import_job_id uuid,
        academy text NOT NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      -- one live registration per person and session; a cancelled one may be followed by a new one
      CREATE UNIQUE INDEX registration_live ON registration (session_id, participant_id) WHERE state <> 'cancelled';
      CREATE INDEX registration_session_state ON registration (session_id, state);
      CREATE INDEX registration_waitlist ON registration (session_id, waitlisted_at, id) WHERE state = 'waitlisted';
      CREATE INDEX registration_participant ON registration (participant_id);
      CREATE TABLE registration_transition (
        id bigserial PRIMARY KEY,
        registration_id uuid NOT NULL REFERENCES registration (id),
        from_state text,
        to_state text NOT NULL,
        reason text,
        actor text NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX registration_transition_registration ON registration_transition (registration_id, id);

      CREATE TABLE import_job (
        id uuid PRIMARY KEY,
        format text NOT NULL,
        session_id uuid,
        file_name text,
        file_sha256 text NOT NULL,
        file_bytes bigint NOT NULL,
        encoding text,
        delimiter text,
        state text NOT NULL CHECK (state IN ('running', 'completed', 'failed')),
        rows_read integer NOT NULL DEFAULT 0,
        accepted integer NOT NULL DEFAULT 0,
        rejected integer NOT NULL DEFAULT 0,
        people_created integer NOT NULL DEFAULT 0,
        people_updated integer NOT NULL DEFAULT 0,
        registrations_created integer NOT NULL DEFAULT 0,
        waitlisted integer NOT NULL DEFAULT 0,
        error text,
        academy text NOT NULL,
        actor text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      );
      CREATE TABLE import_rejection (
        job_id uuid NOT NULL REFERENCES import_job (id),
        row_number integer NOT NULL,
        code text NOT NULL,
        field text,
        message text NOT NULL,
        cells text[] NOT NULL,
        PRIMARY KEY (job_id, row_number)
      );
      -- what a running import has seen: "duplicate in the file" without holding a million mails in memory
      CREATE UNLOGGED TABLE import_seen (
        job_id uuid NOT NULL,
        target text NOT NULL,
        mail_key text NOT NULL,
        PRIMARY KEY (job_id, target, mail_key)
      );

      CREATE TABLE convocation (
        registration_id uuid PRIMARY KEY REFERENCES registration (id),
        state text NOT NULL CHECK (state IN ('pending', 'sending', 'sent', 'failed')) DEFAULT 'pending',
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz
      );
      CREATE INDEX convocation_pending ON convocation (created_at) WHERE state = 'pending';

      CREATE TABLE workshop_plan (
        id uuid PRIMARY KEY,
        title text NOT NULL,
        academy text NOT NULL,
        input jsonb NOT NULL,
        result jsonb NOT NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
    `,
  ],
  down: [
    `
      DROP TABLE workshop_plan; DROP TABLE convocation; DROP TABLE import_seen; DROP TABLE import_rejection;
      DROP TABLE import_job; DROP TABLE registration_transition; DROP TABLE registration; DROP TABLE participant_history;
      DROP TABLE participant; DROP TABLE completion; DROP TABLE school_replica; DROP TABLE session_replica;
      DROP TABLE module_replica;
    `,
  ],
});
