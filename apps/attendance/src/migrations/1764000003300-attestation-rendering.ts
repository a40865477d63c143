import { sqlMigration } from '@forma/persistence';

/**
 * Issue 23: attestations are rendered outside the request. Issuing stores each attestation with what it states (its
 * snapshot and verification code) at once; its PDF, digest and `AttestationIssued` follow from a renderer
 * (`rendered_at`). The attestations already issued were rendered when issued.
 */
export const AttestationRendering1764000003300 = sqlMigration('AttestationRendering1764000003300', {
  up: [
    'ALTER TABLE attestation ALTER COLUMN pdf DROP NOT NULL, ALTER COLUMN sha256 DROP NOT NULL, ADD COLUMN rendered_at timestamptz',
    'UPDATE attestation SET rendered_at = issued_at',
    'ALTER TABLE attestation ADD CONSTRAINT attestation_rendered CHECK ((rendered_at IS NULL) = (pdf IS NULL) AND (pdf IS NULL) = (sha256 IS NULL))',
    'CREATE INDEX attestation_to_render ON attestation (issued_at) WHERE rendered_at IS NULL',
  ],
  down: [
    'DELETE FROM attestation WHERE rendered_at IS NULL',
    'DROP INDEX attestation_to_render',
    'ALTER TABLE attestation DROP CONSTRAINT attestation_rendered, DROP COLUMN rendered_at, ALTER COLUMN pdf SET NOT NULL, ALTER COLUMN sha256 SET NOT NULL',
  ],
});
