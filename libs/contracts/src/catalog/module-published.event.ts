import { Type } from 'class-transformer';
import {
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { defineEvent } from '../event-definition';
import { Topic } from '../topics';
import { IsHundredths } from '../values/decimal-number';
import {
  ACADEMY_CODE_PATTERN,
  MODALITIES,
  MODULE_CATEGORIES,
  MODULE_KINDS,
  MODULE_ORIGINS,
  ModuleOrigin,
  Modality,
  ModuleCategory,
  ModuleKind,
  TARGET_PROFILES,
  TargetProfile,
} from '../values/training';

export class ModuleDurations {
  @IsHundredths()
  @Min(0)
  faceToFaceHours!: number;

  @IsHundredths()
  @Min(0)
  distanceSynchronousHours!: number;

  @IsHundredths()
  @Min(0)
  distanceAsynchronousHours!: number;
}

export class ModulePublishedV1 {
  @IsUUID()
  moduleId!: string;

  @IsInt()
  @Min(1)
  revision!: number;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title!: string;

  @IsIn(MODULE_KINDS)
  kind!: ModuleKind;

  @IsIn(MODULE_CATEGORIES)
  category!: ModuleCategory;

  @IsIn(MODALITIES)
  modality!: Modality;

  @IsArray()
  @ArrayUnique()
  @IsIn(TARGET_PROFILES, { each: true })
  targetProfiles!: TargetProfile[];

  @Matches(ACADEMY_CODE_PATTERN)
  academy!: string;

  @ValidateNested()
  @Type(() => ModuleDurations)
  durations!: ModuleDurations;

  @IsISO8601({ strict: true })
  publishedAt!: string;

  /** Added after the first release: optional, so older events stay valid. */
  @IsOptional()
  @IsIn(MODULE_ORIGINS)
  origin?: ModuleOrigin;

  @IsOptional()
  @IsInt()
  @Min(1)
  maxParticipantsPerSession?: number | null;

  /** Modules a participant must have completed first (seed 000: M2 requires M1). */
  @IsOptional()
  @IsArray()
  @IsUUID('all', { each: true })
  prerequisiteModuleIds?: string[];

  @IsOptional()
  @IsString()
  @MaxLength(10)
  gaiaDispositif?: string | null;

  @IsOptional()
  @IsInt()
  gaiaModuleNumber?: number | null;

  /** The module's themes, read as its objectives in convocations (optional: added after v1 was first published). */
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  themes?: string[];
}

export const ModulePublished = defineEvent({
  type: 'ModulePublished',
  version: 1,
  topic: Topic.CatalogModule,
  payload: ModulePublishedV1,
  key: (data) => data.moduleId,
  description: 'A training module (or parcours) of the offer was published and can be planned and reported on.',
});
