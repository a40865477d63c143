import {
  IsHundredths,
  MODALITIES,
  MODULE_CATEGORIES,
  MODULE_KINDS,
  MODULE_ORIGINS,
  Modality,
  ModuleCategory,
  ModuleKind,
  ModuleOrigin,
  TARGET_PROFILES,
  TRAINER_TYPES,
  TargetProfile,
  TrainerType,
} from '@forma/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

export class ModuleDurationsDto {
  @ApiProperty({ example: 3, description: 'Face-to-face hours per participant.' })
  @IsHundredths()
  @Min(0)
  @Max(200)
  faceToFaceHours!: number;

  @ApiProperty({ example: 0, description: 'Distance hours, synchronous (virtual class).' })
  @IsHundredths()
  @Min(0)
  @Max(200)
  distanceSynchronousHours!: number;

  @ApiProperty({ example: 0, description: 'Distance hours, asynchronous (on the platform).' })
  @IsHundredths()
  @Min(0)
  @Max(200)
  distanceAsynchronousHours!: number;
}

export class ModuleResourceDto {
  @ApiProperty({ example: 'Guide du formateur' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title!: string;

  @ApiProperty({ example: 'https://ressources.example.org/canoprof/guide-formateur.pdf' })
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'] })
  url!: string;
}

/** PAF/GAIA identifiers: dispositif (10 characters, third one `N` for a national dispositif) and module number. */
export class GaiaIdentifiersDto {
  @ApiProperty({ example: '15A0330016' })
  @Matches(/^[0-9A-Z]{1,10}$/)
  dispositif!: string;

  @ApiProperty({ example: 7863 })
  @IsInt()
  @Min(1)
  moduleNumber!: number;
}

/** POST /api/v1/modules and PUT /api/v1/modules/{id}: a training module (or parcours) of the offer. */
export class CreateModuleRequest {
  @ApiProperty({ example: 'Canoprof — module M1 « starter »', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title!: string;

  @ApiPropertyOptional({ example: 'Canoprof M1', maxLength: 60 })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  shortTitle?: string;

  @ApiProperty({ enum: MODULE_KINDS, example: 'module' })
  @IsIn(MODULE_KINDS)
  kind!: ModuleKind;

  @ApiProperty({ enum: MODULE_CATEGORIES, example: 'pedagogical-use-1' })
  @IsIn(MODULE_CATEGORIES)
  category!: ModuleCategory;

  @ApiProperty({ enum: MODALITIES, example: 'face-to-face' })
  @IsIn(MODALITIES)
  modality!: Modality;

  @ApiProperty({ enum: TARGET_PROFILES, isArray: true, example: ['teacher'] })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsIn(TARGET_PROFILES, { each: true })
  targetProfiles!: TargetProfile[];

  @ApiProperty({ type: ModuleDurationsDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => ModuleDurationsDto)
  durations!: ModuleDurationsDto;

  @ApiPropertyOptional({ example: 12, minimum: 1, maximum: 500 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(500)
  maxParticipantsPerSession?: number;

  @ApiPropertyOptional({
    example: ['prise en main', 'séquences pédagogiques'],
    description: 'Thèmes abordés (seed 001).',
  })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsString({ each: true })
  @MaxLength(120, { each: true })
  themes?: string[];

  @ApiPropertyOptional({ enum: TRAINER_TYPES, example: 'referent-canope' })
  @IsOptional()
  @IsIn(TRAINER_TYPES)
  trainerType?: TrainerType;

  @ApiPropertyOptional({ enum: MODULE_ORIGINS, example: 'canope', default: 'academie' })
  @IsOptional()
  @IsIn(MODULE_ORIGINS)
  origin?: ModuleOrigin;

  @ApiPropertyOptional({ type: ModuleResourceDto, isArray: true })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ModuleResourceDto)
  resources?: ModuleResourceDto[];

  @ApiPropertyOptional({ example: 'IEN fictive de la circonscription Nord', description: 'Responsable pédagogique.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  pedagogicalOwner?: string;

  @ApiPropertyOptional({ type: GaiaIdentifiersDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => GaiaIdentifiersDto)
  gaia?: GaiaIdentifiersDto;

  @ApiPropertyOptional({
    enum: ['draft', 'published'],
    default: 'published',
    description: 'Créer en brouillon ou publier aussitôt.',
  })
  @IsOptional()
  @IsIn(['draft', 'published'])
  status?: 'draft' | 'published';
}

/** Canopé's M1 "starter" module (seed 000), as the OpenAPI example of a creation and the tests' fixture. */
export const CANOPROF_M1_EXAMPLE: CreateModuleRequest = {
  title: 'Canoprof — module M1 « starter »',
  shortTitle: 'Canoprof M1',
  kind: 'module',
  category: 'pedagogical-use-1',
  modality: 'face-to-face',
  targetProfiles: ['teacher'],
  durations: { faceToFaceHours: 3, distanceSynchronousHours: 0, distanceAsynchronousHours: 0 },
  maxParticipantsPerSession: 12,
  themes: ['prise en main', 'créer un support de cours'],
  trainerType: 'referent-canope',
  origin: 'canope',
};
