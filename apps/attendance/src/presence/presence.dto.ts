import {
  DECLARED_PROVENANCES,
  MarkProvenance,
  PRESENCE_STATUSES,
  PresenceStatus,
  SLOT_PARTS,
  SlotPart,
} from '@forma/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

export class MarkRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID() registrationId!: string;
  @ApiProperty({
    example: 0,
    description: 'Index du créneau dans la session (le suivi à distance vient après le dernier créneau).',
  })
  @IsInt()
  @Min(0)
  slotIndex!: number;
  @ApiPropertyOptional({
    enum: SLOT_PARTS,
    description: 'Demi-journée d’un créneau d’une journée (morning, afternoon) ; whole sinon.',
  })
  @IsOptional()
  @IsIn(SLOT_PARTS)
  part?: SlotPart;
  @ApiProperty({ enum: PRESENCE_STATUSES, example: 'present' }) @IsIn(PRESENCE_STATUSES) status!: PresenceStatus;
  @ApiPropertyOptional({
    example: '1.5',
    description: 'Heures réelles d’une présence partielle (décimal, deux chiffres après la virgule au plus).',
  })
  @IsOptional()
  @Matches(/^\d{1,3}([.,]\d{1,2})?$/, { message: '$property : durée en heures attendue (ex. 1,5)' })
  hours?: string;
  @ApiPropertyOptional({
    example: 'Erreur de saisie : arrivée à 10 h',
    description: 'Obligatoire pour corriger une marque existante.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
  @ApiPropertyOptional({ enum: DECLARED_PROVENANCES, default: 'trainer' })
  @IsOptional()
  @IsIn(DECLARED_PROVENANCES)
  provenance?: MarkProvenance;
}

/** POST /attendance/sessions/{id}/marks: one mark, or the whole list at once. */
export class RecordMarksRequest {
  @ApiProperty({ type: [MarkRequest] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5000)
  @ValidateNested({ each: true })
  @Type(() => MarkRequest)
  marks!: MarkRequest[];
}

export class ReasonRequest {
  @ApiProperty({ example: 'Émargement de l’après-midi oublié' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
}
