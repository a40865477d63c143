import { sqlMigration } from '@forma/persistence';

/**
 * Attendance: local replicas of the catalog's and enrolment's facts, the presence ledger (append-only: a correction
 * is a new entry), the sessions' closing and its audit trail, activities and progress, completions (dated facts,
 * revoked explicitly), attestations (snapshot, template version, digest) and the signed sheets.
 */
export const Attendance1764000003000 = sqlMigration('Attendance1764000003000', {
  up: [
    `
      CREATE TABLE module_replica (
        module_id uuid PRIMARY KEY,
        revision integer NOT NULL,
        title text NOT NULL,
        academy text NOT NULL,
        face_to_face_minutes integer NOT NULL,
        synchronous_minutes integer NOT NULL,
        asynchronous_minutes integer NOT NULL,
        archived boolean NOT NULL DEFAULT false
      );
      CREATE TABLE session_replica (
        session_id uuid PRIMARY KEY,
        module_id uuid NOT NULL,
        academy text NOT NULL,
        group_number text NOT NULL,
        slots jsonb NOT NULL,
        place_uai text,
        place_label text,
        status text NOT NULL,
        trainers jsonb NOT NULL DEFAULT '[]',
        trainer_mails text[] NOT NULL DEFAULT '{}',
        distance_ends_on date,
        delivered_at timestamptz
      );
      CREATE TABLE school_replica (
        uai text PRIMARY KEY,
        name text NOT NULL,
        academy text NOT NULL,
        department text,
        district text
      );
      CREATE TABLE roster (
        registration_id uuid PRIMARY KEY,
        session_id uuid NOT NULL,
        module_id uuid NOT NULL,
        participant_id uuid NOT NULL,
        academy text NOT NULL,
        mail text NOT NULL,
        last_name text NOT NULL,
        first_name text NOT NULL,
        uai text,
        state text NOT NULL CHECK (state IN ('confirmed', 'cancelled')),
        confirmed_at timestamptz NOT NULL,
        cancelled_at timestamptz,
        erased_at timestamptz
      );
      CREATE INDEX roster_session ON roster (session_id, last_name, first_name);
      CREATE INDEX roster_participant ON roster (participant_id);
    `,
    `
      CREATE TABLE presence_mark (
        id bigserial PRIMARY KEY,
        registration_id uuid NOT NULL REFERENCES roster (registration_id),
        session_id uuid NOT NULL,
        slot_index integer NOT NULL CHECK (slot_index >= 0),
        part text NOT NULL CHECK (part IN ('whole', 'morning', 'afternoon')),
        modality text NOT NULL CHECK (modality IN ('face-to-face', 'virtual-class', 'follow-up')),
        status text NOT NULL CHECK (status IN ('present', 'partial', 'absent', 'excused', 'not-applicable')),
        minutes integer NOT NULL CHECK (minutes >= 0),
        provenance text NOT NULL CHECK (provenance IN ('trainer', 'import', 'virtual-class-report')),
        author text NOT NULL,
        reason text,
        corrects bigint REFERENCES presence_mark (id),
        recorded_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX presence_mark_session ON presence_mark (session_id, registration_id, slot_index, part, id);
      -- the ledger is append-only: a correction is a new entry that names the one it corrects
      CREATE RULE presence_mark_no_update AS ON UPDATE TO presence_mark DO INSTEAD NOTHING;
      CREATE RULE presence_mark_no_delete AS ON DELETE TO presence_mark DO INSTEAD NOTHING;
      CREATE TABLE session_ledger (
        session_id uuid PRIMARY KEY,
        closed_at timestamptz,
        closed_by text
      );
      CREATE TABLE session_audit (
        id bigserial PRIMARY KEY,
        session_id uuid NOT NULL,
        action text NOT NULL,
        reason text,
        actor text NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE signed_sheet (
        id uuid PRIMARY KEY,
        session_id uuid NOT NULL,
        content_type text NOT NULL,
        content bytea NOT NULL,
        sha256 text NOT NULL,
        uploaded_by text NOT NULL,
        uploaded_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX signed_sheet_session ON signed_sheet (session_id, uploaded_at);
    `,
    `
      CREATE TABLE activity (
        id uuid PRIMARY KEY,
        session_id uuid NOT NULL,
        position integer NOT NULL,
        title text NOT NULL,
        due_on date,
        required boolean NOT NULL
      );
      CREATE INDEX activity_session ON activity (session_id, position);
      CREATE TABLE activity_settings (
        session_id uuid PRIMARY KEY,
        progress_required boolean NOT NULL
      );
      CREATE TABLE activity_progress (
        activity_id uuid NOT NULL REFERENCES activity (id) ON DELETE CASCADE,
        registration_id uuid NOT NULL,
        done_at timestamptz,
        recorded_by text NOT NULL,
        PRIMARY KEY (activity_id, registration_id)
      );
      CREATE TABLE completion (
        id uuid PRIMARY KEY,
        registration_id uuid NOT NULL REFERENCES roster (registration_id),
        session_id uuid NOT NULL,
        rule_version integer NOT NULL,
        evidence jsonb NOT NULL,
        completed_at timestamptz NOT NULL,
        completed_by text NOT NULL,
        revoked_at timestamptz,
        revoked_by text,
        revoke_reason text
      );
      CREATE UNIQUE INDEX completion_active ON completion (registration_id) WHERE revoked_at IS NULL;
      CREATE TABLE attestation (
        id uuid PRIMARY KEY,
        code text NOT NULL UNIQUE,
        registration_id uuid NOT NULL REFERENCES roster (registration_id),
        session_id uuid NOT NULL,
        academy text NOT NULL,
        template_version integer NOT NULL,
        snapshot jsonb NOT NULL,
        pdf bytea NOT NULL,
        sha256 text NOT NULL,
        issued_at timestamptz NOT NULL,
        issued_by text NOT NULL,
        revoked_at timestamptz,
        revoke_reason text,
        replaced_by uuid REFERENCES attestation (id)
      );
      CREATE UNIQUE INDEX attestation_active ON attestation (registration_id) WHERE revoked_at IS NULL;
      CREATE INDEX attestation_session ON attestation (session_id);
    `,
  ],
  down: [
    `DROP TABLE attestation, completion, activity_progress, activity_settings, activity, signed_sheet, session_audit,
       session_ledger, presence_mark, roster, school_replica, session_replica, module_replica`,
  ],
});
