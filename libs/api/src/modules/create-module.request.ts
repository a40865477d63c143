import {
  MODALITIES,
  MODULE_CATEGORIES,
  MODULE_KINDS,
  Modality,
  ModuleCategory,
  ModuleKind,
  TARGET_PROFILES,
  TargetProfile,
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
  IsNumber,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

export class ModuleDurationsDto {
  @ApiProperty({ example: 3, description: 'Face-to-face hours per participant.' })
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(200)
  faceToFaceHours!: number;

  @ApiProperty({ example: 0, description: 'Distance hours, synchronous (virtual class).' })
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(200)
  distanceSynchronousHours!: number;

  @ApiProperty({ example: 0, description: 'Distance hours, asynchronous (on the platform).' })
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(200)
  distanceAsynchronousHours!: number;
}

/** POST /api/v1/modules: a training module (or parcours) of the offer. */
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
}
