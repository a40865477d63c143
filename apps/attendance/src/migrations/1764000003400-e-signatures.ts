import { sqlMigration } from '@forma/persistence';

/**
 * Issue 27: electronic émargement. A signature is the proof beside a mark of the ledger: how it was made (drawn on the
 * trainer's device, or the rotating code scanned by the participant's own phone), when, the code's 30-second window,
 * the drawn image and its SHA-256. One signature per person and half-day (the unique key refuses a second one, even
 * from two requests at once).
 */
export const ESignatures1764000003400 = sqlMigration('ESignatures1764000003400', {
  up: [
    `ALTER TABLE presence_mark DROP CONSTRAINT presence_mark_provenance_check,
       ADD CONSTRAINT presence_mark_provenance_check
       CHECK (provenance IN ('trainer', 'import', 'virtual-class-report', 'e-signature'))`,
    `CREATE TABLE signature (
       id uuid PRIMARY KEY,
       session_id uuid NOT NULL,
       registration_id uuid NOT NULL REFERENCES roster (registration_id),
       slot_index integer NOT NULL,
       part text NOT NULL CHECK (part IN ('whole', 'morning', 'afternoon')),
       method text NOT NULL CHECK (method IN ('drawn', 'code')),
       signed_at timestamptz NOT NULL,
       code_window bigint,
       drawing bytea,
       drawing_sha256 text,
       mark_id bigint NOT NULL REFERENCES presence_mark (id),
       signed_by text NOT NULL,
       CHECK ((method = 'code') = (code_window IS NOT NULL)),
       CHECK ((method = 'drawn') = (drawing_sha256 IS NOT NULL)),
       -- the drawn image goes when its person is erased (RGPD); its digest stays as the proof
       erased_at timestamptz,
       CHECK (method = 'code' OR drawing IS NOT NULL OR erased_at IS NOT NULL),
       UNIQUE (registration_id, slot_index, part)
     )`,
    'CREATE INDEX signature_session ON signature (session_id)',
  ],
  down: [
    'DROP TABLE signature',
    "DELETE FROM presence_mark WHERE provenance = 'e-signature'",
    `ALTER TABLE presence_mark DROP CONSTRAINT presence_mark_provenance_check,
       ADD CONSTRAINT presence_mark_provenance_check CHECK (provenance IN ('trainer', 'import', 'virtual-class-report'))`,
  ],
});
