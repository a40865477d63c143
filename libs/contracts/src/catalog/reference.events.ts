import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';
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

export class CanopeDtDescribedV1 {
  /** The DT's identifier (lower case, digits and dashes), as in a `canope-dt` scope. */
  @Matches(/^[a-z0-9-]{2,60}$/)
  code!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  /** The académies the DT serves (a DT serves several). */
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(40)
  @Matches(ACADEMY_CODE_PATTERN, { each: true })
  academies!: string[];
}

export const CanopeDtDescribed = defineEvent({
  type: 'CanopeDtDescribed',
  version: 1,
  topic: Topic.CatalogReference,
  payload: CanopeDtDescribedV1,
  key: (data) => data.code,
  description:
    'A Canopé territorial directorate (DT) was described or changed, with the académies it serves: reporting knows its bilan level from it.',
});

/** The levels of the académie's geography that carry a name of their own in the reference data. */
export const DESCRIBED_AREA_LEVELS = ['department', 'district'] as const;

export class AreaDescribedV1 {
  @IsIn(DESCRIBED_AREA_LEVELS)
  level!: (typeof DESCRIBED_AREA_LEVELS)[number];

  /** The department's code (`973`, `2A`) or the district's identifier, as in a scope and in `SchoolRegistered`. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  code!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @Matches(ACADEMY_CODE_PATTERN)
  academy!: string;
}

export const AreaDescribed = defineEvent({
  type: 'AreaDescribed',
  version: 1,
  topic: Topic.CatalogReference,
  payload: AreaDescribedV1,
  key: (data) => `${data.level}:${data.code}`,
  description:
    'A department or a district (circonscription) of an académie was described or renamed: reporting labels its bilans with the name.',
});
