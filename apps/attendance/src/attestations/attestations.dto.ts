import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsOptional, IsUUID } from 'class-validator';
import { ReasonRequest } from '../presence/presence.dto';

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

export class AttestationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '7Q2M-XK4D-9RBT-1HWS-M' }) code!: string;
}
