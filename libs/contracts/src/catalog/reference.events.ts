import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { defineEvent } from '../event-definition';
import { Topic } from '../topics';
import { ACADEMY_CODE_PATTERN } from '../values/training';
import { IsUai } from '../values/uai';

export class SchoolRegisteredV1 {
  @IsUai()
  uai!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @Matches(ACADEMY_CODE_PATTERN)
  academy!: string;

  @IsOptional()
  @IsString()
  department?: string | null;

  @IsOptional()
  @IsString()
  district?: string | null;
}

export const SchoolRegistered = defineEvent({
  type: 'SchoolRegistered',
  version: 1,
  topic: Topic.CatalogReference,
  payload: SchoolRegisteredV1,
  key: (data) => data.uai,
  description: 'A school (UAI) was added to or changed in the reference data: other contexts check UAIs against it.',
});
