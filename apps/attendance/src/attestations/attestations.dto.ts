import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsOptional, IsUUID } from 'class-validator';
import { ReasonRequest } from '../presence/presence.dto';
import { AttestationSnapshot } from './attestation.pdf';

export class IssueRequest {
  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'Sans liste : toutes les formations terminées sans attestation.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5000)
  @IsUUID('all', { each: true })
  registrationIds?: string[];
}

export class RevokeRequest extends ReasonRequest {
  @ApiPropertyOptional({ description: 'Émet aussitôt l’attestation qui la remplace.' })
  @IsOptional()
  @IsBoolean()
  reissue?: boolean;
}

/** An attestation of a session as its list shows it: where it stands, whom it names, its digest once rendered. */
export interface AttestationView {
  id: string;
  /** Its verification code, e.g. 7Q2M-XK4D-9RBT-1HWS-M. */
  code: string;
  registrationId: string;
  state: 'pending' | 'issued' | 'revoked';
  person: AttestationSnapshot['person'];
  sha256: string | null;
  issuedAt: Date;
  revokedAt: Date | null;
  revokeReason: string | null;
  replacedBy: string | null;
}

/** A participant's own attestation, as their space lists it: its training and dates, from what it states. */
export interface OwnAttestationView extends Omit<AttestationView, 'person'> {
  training: AttestationSnapshot['training'];
  dates: AttestationSnapshot['dates'];
}

/** An attestation just issued: its code, where its PDF stands and where it is verified. */
export interface IssuedAttestation {
  id: string;
  code: string;
  registrationId: string;
  state: 'pending' | 'issued' | 'revoked';
  sha256: string | null;
  verificationUrl: string;
}

/** A registration left without an attestation, and why. */
export interface SkippedRegistration {
  registrationId: string;
  code: string;
  message: string;
}

export interface IssueAnswer {
  issued: IssuedAttestation[];
  skipped: SkippedRegistration[];
  /** How many PDFs are still being produced (202 while some are). */
  pending: number;
}

export interface RevokeAnswer {
  id: string;
  code: string;
  revokedAt: Date | null;
  replacement: { id: string; code: string } | null;
}
