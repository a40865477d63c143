import { TARGET_PROFILES, TargetProfile } from '@forma/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

/** One line of the plan: a module of the offer for a target profile, with its forecasts (seed 001). */
export class PlanLineRequest {
  @ApiProperty({ example: '0192f3a0-7c1e-7d2a-9b7e-1c2d3e4f5a6b' }) @IsUUID() moduleId!: string;
  @ApiProperty({ enum: TARGET_PROFILES, example: 'teacher' }) @IsIn(TARGET_PROFILES) profile!: TargetProfile;
  @ApiProperty({ example: 120, description: 'Personnes à former.' })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  headcount!: number;
  @ApiProperty({ example: 6, description: 'Sessions à organiser.' }) @IsInt() @Min(0) @Max(100_000) sessions!: number;
  @ApiProperty({ example: 3, description: 'Formateurs à mobiliser.' }) @IsInt() @Min(0) @Max(10_000) trainers!: number;
  @ApiProperty({ example: '18', description: 'Heures de formation à dispenser (nombre décimal exact, en texte).' })
  @IsString()
  @Matches(/^\d{1,6}(\.\d{1,2})?$/, { message: 'hours : un nombre positif, deux décimales au plus ("12.5")' })
  hours!: string;
}

/** A deployment wave: its dates in the school year, whether it trains the trainers first, and its lines. */
export class DeploymentWaveRequest {
  @ApiProperty({ example: '2026-2027' }) @Matches(/^\d{4}-\d{4}$/) schoolYear!: string;
  @ApiProperty({ example: 'V1', description: "Code de la vague, unique dans l'année scolaire de l'académie." })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/)
  code!: string;
  @ApiProperty({ example: 'Vague 1 : formation de formateurs et écoles pilotes' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  label!: string;
  @ApiProperty({ example: '2026-09-14' }) @Matches(/^\d{4}-\d{2}-\d{2}$/) startsOn!: string;
  @ApiProperty({ example: '2026-12-18' }) @Matches(/^\d{4}-\d{2}-\d{2}$/) endsOn!: string;
  @ApiProperty({ example: true }) @IsBoolean() trainTheTrainers!: boolean;
  @ApiProperty({ type: [PlanLineRequest] })
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => PlanLineRequest)
  lines!: PlanLineRequest[];
}

export class DeploymentWaveResponse extends DeploymentWaveRequest {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'corse' }) academy!: string;
  @ApiProperty({ example: 1, description: 'Révision (ETag pour If-Match).' }) revision!: number;
}
