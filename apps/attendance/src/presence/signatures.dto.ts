import { SIGNATURE_METHODS, SignatureMethod, SLOT_PARTS, SlotPart } from '@forma/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, ValidateIf } from 'class-validator';

/** GET /attendance/sessions/{id}/signing-code: the half-day whose code the trainer's screen shows. */
export class SigningCodeQuery {
  @ApiProperty({ example: 0, description: 'Index du créneau dans la session.' })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  slotIndex!: number;
  @ApiPropertyOptional({ enum: SLOT_PARTS, default: 'whole', description: 'Demi-journée d’un créneau d’une journée.' })
  @IsOptional()
  @IsIn(SLOT_PARTS)
  part?: SlotPart;
}

/**
 * POST /attendance/sessions/{id}/signatures: a participant's signature for a half-day, either the code their phone
 * scanned (method `code`, sent by the participant) or drawn on the trainer's device (method `drawn`, sent by the
 * trainer, naming the registration).
 */
export class SignRequest {
  @ApiProperty({ enum: SIGNATURE_METHODS }) @IsIn(SIGNATURE_METHODS) method!: SignatureMethod;
  @ApiProperty({ example: 0 }) @IsInt() @Min(0) slotIndex!: number;
  @ApiPropertyOptional({ enum: SLOT_PARTS, default: 'whole' }) @IsOptional() @IsIn(SLOT_PARTS) part?: SlotPart;
  @ApiPropertyOptional({ example: 'K7QM2XPA', description: 'Le code affiché par l’écran du formateur (method code).' })
  @ValidateIf((o: SignRequest) => o.method === 'code')
  @IsString()
  @Matches(/^[A-Za-z0-9]{4,16}$/, { message: 'code : le code affiché par le formateur (lettres et chiffres)' })
  code?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'L’inscription qui signe (method drawn).' })
  @ValidateIf((o: SignRequest) => o.method === 'drawn')
  @IsUUID()
  registrationId?: string;
  @ApiPropertyOptional({ description: 'La signature tracée, image PNG en data URL (method drawn).' })
  @ValidateIf((o: SignRequest) => o.method === 'drawn')
  @IsString()
  @MaxLength(420_000)
  drawing?: string;
}
