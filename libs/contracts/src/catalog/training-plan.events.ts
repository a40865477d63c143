import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { defineEvent } from '../event-definition';
import { Topic } from '../topics';
import { DECIMAL_PATTERN, SCHOOL_YEAR_PATTERN } from '../remuneration/remuneration.events';
import { ACADEMY_CODE_PATTERN, TARGET_PROFILES, TargetProfile } from '../values/training';

export const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** One line of the ENT training plan (seed 001): a module for a target profile, with its forecasts. */
export class TrainingPlanLineV1 {
  @IsUUID()
  moduleId!: string;
  @IsIn(TARGET_PROFILES)
  profile!: TargetProfile;
  /** People to train. */
  @IsInt()
  @Min(0)
  headcount!: number;
  /** Sessions to run. */
  @IsInt()
  @Min(0)
  sessions!: number;
  /** Trainers to mobilise. */
  @IsInt()
  @Min(0)
  trainers!: number;
  /** Training hours to deliver (sessions x duration), an exact decimal. */
  @Matches(DECIMAL_PATTERN)
  hours!: string;
}

export class DeploymentWavePlannedV1 {
  @IsUUID()
  waveId!: string;
  @Matches(ACADEMY_CODE_PATTERN)
  academy!: string;
  @Matches(SCHOOL_YEAR_PATTERN)
  schoolYear!: string;
  @IsString()
  @MaxLength(40)
  code!: string;
  @IsString()
  @MaxLength(200)
  label!: string;
  @Matches(DAY_PATTERN)
  startsOn!: string;
  @Matches(DAY_PATTERN)
  endsOn!: string;
  /** The first phase trains the trainers (seed 001: "une première phase de formation de formateurs"). */
  @IsBoolean()
  trainTheTrainers!: boolean;
  /** 1 for the first publication; each revision replaces the whole wave and its lines. */
  @IsInt()
  @Min(1)
  revision!: number;
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => TrainingPlanLineV1)
  lines!: TrainingPlanLineV1[];
  @IsISO8601({ strict: true })
  plannedAt!: string;
}

export const DeploymentWavePlanned = defineEvent({
  type: 'DeploymentWavePlanned',
  version: 1,
  topic: Topic.CatalogPlan,
  payload: DeploymentWavePlannedV1,
  key: (data) => data.waveId,
  description:
    "A deployment wave of an académie's ENT training plan (seed 001) was planned or revised: its dates and, per module and target profile, the forecast headcount, sessions, trainers and hours. Each revision carries the whole wave.",
});
