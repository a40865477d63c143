import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { defineEvent } from '../event-definition';
import { Topic } from '../topics';

export class GroupStepV1 {
  @IsInt()
  @Min(1)
  round!: number;

  /** The workshop's code, or null for the session the teachers choose freely. */
  @IsOptional()
  @IsString()
  @MaxLength(60)
  workshop!: string | null;
}

export class GroupFormedV1 {
  @IsUUID()
  planId!: string;

  @IsInt()
  @Min(1)
  planVersion!: number;

  @IsInt()
  @Min(1)
  groupNumber!: number;

  @IsString()
  @MaxLength(200)
  concern!: string;

  /** Teachers' keys (their mail), at most 6. */
  @IsArray()
  @ArrayMaxSize(6)
  @IsString({ each: true })
  members!: string[];

  @IsOptional()
  @IsString()
  catalyst!: string | null;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => GroupStepV1)
  parcours!: GroupStepV1[];
}

export const GroupFormed = defineEvent({
  type: 'GroupFormed',
  version: 1,
  topic: Topic.EnrolmentGroup,
  payload: GroupFormedV1,
  key: (data) => data.planId,
  description: 'A workshop group was formed or edited by hand (seed 004): members, shared concern, catalyst, parcours.',
});
