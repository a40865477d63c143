import { sqlMigration } from '@forma/persistence';

/**
 * Remuneration (issue 15): conventions DAFPEN x school with their plan and formateurs accompagnateurs, signatures on a
 * content digest, the hours delivered (attendance's TrainerHoursDelivered), HSE allocations under a cap enforced by
 * PostgreSQL, payment batches whose lines are paid once, and the audit trail of every change.
 */
export const Remuneration1764000004000 = sqlMigration('Remuneration1764000004000', {
  up: [
    `
      CREATE TABLE school_replica (uai text PRIMARY KEY, name text NOT NULL, academy text NOT NULL, department text, district text);
      CREATE TABLE delivered_hours (
        session_id uuid NOT NULL,
        trainer_key text NOT NULL,
        name text NOT NULL,
        mail text,
        role text NOT NULL,
        face_to_face_minutes integer NOT NULL,
        virtual_class_minutes integer NOT NULL,
        follow_up_minutes integer NOT NULL,
        delivered_at timestamptz NOT NULL,
        PRIMARY KEY (session_id, trainer_key)
      );
      CREATE TABLE convention (
        id uuid PRIMARY KEY,
        academy text NOT NULL,
        uai text NOT NULL,
        school_year text NOT NULL,
        state text NOT NULL,
        cap_hse numeric(6,2) NOT NULL,
        content_sha256 text NOT NULL,
        paper_copy bytea,
        paper_copy_sha256 text,
        report jsonb,
        report_submitted_at timestamptz,
        service_fait_at timestamptz,
        service_fait_by text,
        validated_at timestamptz,
        validated_by text,
        paid_at timestamptz,
        closed_at timestamptz,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      );
      CREATE INDEX convention_school ON convention (academy, uai, school_year);
      CREATE TABLE convention_trainer (
        id uuid PRIMARY KEY,
        convention_id uuid NOT NULL REFERENCES convention (id),
        name text NOT NULL,
        mail text NOT NULL,
        grade text NOT NULL,
        engaged boolean NOT NULL,
        cap_hse numeric(6,2) NOT NULL,
        allocated_hse numeric(6,2) NOT NULL DEFAULT 0,
        -- the cap of a formateur accompagnateur, held by PostgreSQL whatever the code does
        CONSTRAINT hse_within_cap CHECK (allocated_hse >= 0 AND allocated_hse <= cap_hse),
        UNIQUE (convention_id, mail)
      );
      CREATE TABLE plan_line (
        id uuid PRIMARY KEY,
        convention_id uuid NOT NULL REFERENCES convention (id),
        position integer NOT NULL,
        kind text NOT NULL CHECK (kind IN ('face-to-face', 'online')),
        date date NOT NULL,
        minutes integer NOT NULL CHECK (minutes > 0),
        audience text,
        modality text CHECK (modality IN ('cv', 'suivi')),
        headcount integer NOT NULL CHECK (headcount > 0),
        trainer_id uuid NOT NULL REFERENCES convention_trainer (id),
        session_id uuid,
        sheet bytea,
        sheet_sha256 text
      );
      CREATE INDEX plan_line_convention ON plan_line (convention_id, position);
      CREATE TABLE signature (
        id uuid PRIMARY KEY,
        convention_id uuid NOT NULL REFERENCES convention (id),
        role text NOT NULL CHECK (role IN ('head', 'director')),
        signer text NOT NULL,
        on_behalf_of text,
        how text NOT NULL CHECK (how IN ('tool', 'paper')),
        content_sha256 text NOT NULL,
        signed_at timestamptz NOT NULL DEFAULT now(),
        voided_at timestamptz,
        void_reason text
      );
      CREATE TABLE payment_batch (
        id uuid PRIMARY KEY,
        academy text NOT NULL,
        csv text NOT NULL,
        sha256 text NOT NULL,
        exported_by text NOT NULL,
        exported_at timestamptz NOT NULL DEFAULT now()
      );
      -- a formateur accompagnateur's HSE of a convention are paid once: one line, in one batch, ever
      CREATE TABLE payment_line (
        trainer_id uuid PRIMARY KEY REFERENCES convention_trainer (id),
        batch_id uuid NOT NULL REFERENCES payment_batch (id),
        convention_id uuid NOT NULL,
        grade text NOT NULL,
        hse numeric(6,2) NOT NULL,
        unit_rate numeric(10,2) NOT NULL,
        amount numeric(12,2) NOT NULL
      );
      CREATE TABLE audit (
        id bigserial PRIMARY KEY,
        convention_id uuid,
        entity text NOT NULL,
        action text NOT NULL,
        actor text NOT NULL,
        at timestamptz NOT NULL DEFAULT now(),
        before jsonb,
        after jsonb
      );
      CREATE INDEX audit_convention ON audit (convention_id, id);
    `,
  ],
  down: [
    'DROP TABLE audit, payment_line, payment_batch, signature, plan_line, convention_trainer, convention, delivered_hours, school_replica',
  ],
});
