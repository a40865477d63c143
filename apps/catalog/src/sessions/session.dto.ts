import {
  IsUai,
  ISO_DATE_PATTERN,
  SESSION_STATUSES,
  SLOT_KINDS,
  SlotKind,
  TIME_OF_DAY_PATTERN,
  TRAINER_ROLES,
  TrainerRole,
} from '@forma/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

export class SlotDto {
  @ApiProperty({ example: '2026-01-13' })
  @Matches(ISO_DATE_PATTERN, { message: '$property : date AAAA-MM-JJ attendue' })
  date!: string;
  @ApiProperty({ example: '09:00' })
  @Matches(TIME_OF_DAY_PATTERN, { message: '$property : heure HH:MM attendue' })
  start!: string;
  @ApiProperty({ example: '12:00' })
  @Matches(TIME_OF_DAY_PATTERN, { message: '$property : heure HH:MM attendue' })
  end!: string;
  @ApiProperty({ enum: SLOT_KINDS, example: 'face-to-face' }) @IsIn(SLOT_KINDS) kind!: SlotKind;
}

export class SessionTrainerDto {
  @ApiProperty({ example: 'Alice Formatrice' }) @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @ApiPropertyOptional({ example: 'alice.formatrice@ac-exemple.fr' }) @IsOptional() @IsEmail() mail?: string;
  @ApiProperty({ enum: TRAINER_ROLES, example: 'trainer' }) @IsIn(TRAINER_ROLES) role!: TrainerRole;
}

/** POST /api/v1/modules/{id}/sessions */
export class ScheduleSessionRequest {
  @ApiPropertyOptional({ example: '01', description: 'Numéro de groupe GAIA ; le suivant libre par défaut.' })
  @IsOptional()
  @Matches(/^\d{2}$/)
  groupNumber?: string;
  @ApiPropertyOptional({ example: 'Groupe du bassin Nord' }) @IsOptional() @IsString() @MaxLength(200) label?: string;
  @ApiProperty({ type: SlotDto, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(60)
  @ValidateNested({ each: true })
  @Type(() => SlotDto)
  slots!: SlotDto[];
  @ApiPropertyOptional({
    example: '0750001A',
    description: 'UAI du lieu (école, EPLE, atelier Canopé), connu du référentiel.',
  })
  @IsOptional()
  @IsUai({ message: '$property : UAI invalide (7 chiffres et la lettre de contrôle)' })
  placeUai?: string;
  @ApiPropertyOptional({ example: 'Atelier Canopé fictif' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  placeLabel?: string;
  @ApiPropertyOptional({ example: '1 rue de l’Exemple, 75000 Paris' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  placeAddress?: string;
  @ApiProperty({ example: 12 })
  @IsInt()
  @Min(1, { message: '$property : au moins 1 place' })
  @Max(1000)
  capacity!: number;
  @ApiProperty({ type: SessionTrainerDto, isArray: true })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => SessionTrainerDto)
  trainers!: SessionTrainerDto[];
  @ApiPropertyOptional({
    example: '2026-02-06',
    description: 'Fin du travail à distance, s’il se poursuit après le dernier créneau.',
  })
  @IsOptional()
  @Matches(ISO_DATE_PATTERN)
  distanceEndsOn?: string;
}

/** PATCH /api/v1/sessions/{id}: what changes (slots moved, capacity, place, trainers). */
export class RescheduleSessionRequest {
  @ApiPropertyOptional({ example: 'Groupe du bassin Nord' }) @IsOptional() @IsString() @MaxLength(200) label?: string;
  @ApiPropertyOptional({ type: SlotDto, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(60)
  @ValidateNested({ each: true })
  @Type(() => SlotDto)
  slots?: SlotDto[];
  @ApiPropertyOptional({ example: '0750001A' })
  @IsOptional()
  @IsUai({ message: '$property : UAI invalide (7 chiffres et la lettre de contrôle)' })
  placeUai?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) placeLabel?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) placeAddress?: string;
  @ApiPropertyOptional({ example: 15 })
  @IsOptional()
  @IsInt()
  @Min(1, { message: '$property : au moins 1 place' })
  @Max(1000)
  capacity?: number;
  @ApiPropertyOptional({ type: SessionTrainerDto, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => SessionTrainerDto)
  trainers?: SessionTrainerDto[];
  @ApiPropertyOptional({ example: '2026-02-06' }) @IsOptional() @Matches(ISO_DATE_PATTERN) distanceEndsOn?: string;
}

export class CancelSessionRequest {
  @ApiProperty({ example: 'Formateur indisponible, session reportée au trimestre suivant.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
}

export class RuleViolationDto {
  @ApiProperty({ example: 'fewer_than_two_trainers' }) code!: string;
  @ApiProperty({ example: 'trainers' }) field!: string;
  @ApiProperty({ example: 'Deux formateurs ou tuteurs par session sont conseillés ; la session en a 1.' })
  message!: string;
}

export class SessionResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) moduleId!: string;
  @ApiProperty() moduleRevision!: number;
  @ApiProperty() academy!: string;
  @ApiProperty({ example: '01' }) groupNumber!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) label!: string | null;
  @ApiProperty({ type: SlotDto, isArray: true }) slots!: SlotDto[];
  @ApiPropertyOptional({ type: String, nullable: true }) placeUai!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) placeLabel!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) placeAddress!: string | null;
  @ApiProperty() capacity!: number;
  @ApiProperty({ type: SessionTrainerDto, isArray: true }) trainers!: SessionTrainerDto[];
  @ApiProperty({ example: '2026-01-13' }) startsOn!: string;
  @ApiProperty({ example: '2026-01-13' }) endsOn!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) distanceEndsOn!: string | null;
  @ApiProperty({ example: 'C' }) zone!: string;
  @ApiProperty({ enum: SESSION_STATUSES }) status!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) cancelReason!: string | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) gaiaSessionId!: number | null;
  @ApiProperty({ type: RuleViolationDto, isArray: true, description: 'Règles seulement conseillées et non suivies.' })
  warnings!: RuleViolationDto[];
  @ApiProperty() rowVersion!: number;
}

/** A planner's plan accepted as it is: its sessions scheduled together, or none of them. */
export class AcceptPlanRequest {
  @ApiProperty({ type: ScheduleSessionRequest, isArray: true, description: 'Les sessions du plan, de 1 à 50.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ScheduleSessionRequest)
  sessions!: ScheduleSessionRequest[];
}
