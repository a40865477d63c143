import { Type } from 'class-transformer';
import {
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
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
import { ACADEMY_CODE_PATTERN } from '../values/training';
import { IsUai } from '../values/uai';

/** Money and HSE travel as exact decimal strings ("18", "12.5", "1234.56"), never floats. */
export const DECIMAL_PATTERN = /^-?\d{1,9}(\.\d{1,4})?$/;
export const SCHOOL_YEAR_PATTERN = /^\d{4}-\d{4}$/;

export class ConventionFactV1 {
  @IsUUID()
  conventionId!: string;
  @Matches(ACADEMY_CODE_PATTERN)
  academy!: string;
  @IsUai()
  uai!: string;
  @Matches(SCHOOL_YEAR_PATTERN)
  schoolYear!: string;
}

export class ConventionSignedV1 extends ConventionFactV1 {
  /** SHA-256 of exactly what was signed (the plan and its trainers, canonical JSON). */
  @Matches(/^[0-9a-f]{64}$/)
  contentSha256!: string;
  @IsIn(['tool', 'paper'])
  how!: 'tool' | 'paper';
  @IsISO8601({ strict: true })
  signedAt!: string;
}

export const ConventionSigned = defineEvent({
  type: 'ConventionSigned',
  version: 1,
  topic: Topic.RemunerationConvention,
  payload: ConventionSignedV1,
  key: (data) => data.conventionId,
  description:
    'A convention bears both signatures (the head of the school, then the DAFPEN director), on this content.',
});

export class ServiceFaitCertifiedV1 extends ConventionFactV1 {
  @IsIn(['head', 'dafpen'])
  by!: 'head' | 'dafpen';
  @IsISO8601({ strict: true })
  certifiedAt!: string;
}

export const ServiceFaitCertified = defineEvent({
  type: 'ServiceFaitCertified',
  version: 1,
  topic: Topic.RemunerationConvention,
  payload: ServiceFaitCertifiedV1,
  key: (data) => data.conventionId,
  description: 'The head certified the service done (sheets signed, report in), or the DAFPEN validated it.',
});

export class HseAllocationV1 extends ConventionFactV1 {
  @IsUUID()
  trainerId!: string;
  @Matches(DECIMAL_PATTERN)
  hse!: string;
  @Matches(DECIMAL_PATTERN)
  allocatedTotal!: string;
  @IsOptional()
  @IsString()
  @MaxLength(60)
  refusal?: string | null;
  @IsISO8601({ strict: true })
  at!: string;
}

export const HseAllocated = defineEvent({
  type: 'HseAllocated',
  version: 1,
  topic: Topic.RemunerationHse,
  payload: HseAllocationV1,
  key: (data) => data.conventionId,
  description: 'HSE allocated to a formateur accompagnateur of a convention (under the cap and the hours delivered).',
});

export const HseAllocationRefused = defineEvent({
  type: 'HseAllocationRefused',
  version: 1,
  topic: Topic.RemunerationHse,
  payload: HseAllocationV1,
  key: (data) => data.conventionId,
  description: 'An HSE proposal was refused (`refusal`: cap_exceeded or above_delivered_hours); nothing was allocated.',
});

/** What a payment batch paid on one convention (exact decimals). */
export class ConventionPaymentV1 {
  @IsUUID()
  conventionId!: string;
  @IsUai()
  uai!: string;
  @Matches(DECIMAL_PATTERN)
  hse!: string;
  @Matches(DECIMAL_PATTERN)
  amount!: string;
}

export class PaymentBatchExportedV1 {
  @IsUUID()
  batchId!: string;
  @Matches(ACADEMY_CODE_PATTERN)
  academy!: string;
  @IsInt()
  @Min(0)
  lines!: number;
  @Matches(DECIMAL_PATTERN)
  totalHse!: string;
  @Matches(DECIMAL_PATTERN)
  totalAmount!: string;
  @Matches(/^[0-9a-f]{64}$/)
  sha256!: string;
  @IsISO8601({ strict: true })
  exportedAt!: string;
  /** The batch per convention (since issue 16; absent from earlier batches): what reporting counts as HSE paid. */
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ConventionPaymentV1)
  conventions?: ConventionPaymentV1[];
}

export const PaymentBatchExported = defineEvent({
  type: 'PaymentBatchExported',
  version: 1,
  topic: Topic.RemunerationPayment,
  payload: PaymentBatchExportedV1,
  key: (data) => data.batchId,
  description: 'A payroll batch (état liquidatif) was produced: each of its lines is paid once, never again.',
});

export class ConventionClosedV1 extends ConventionFactV1 {
  @IsISO8601({ strict: true })
  closedAt!: string;
}

export const ConventionClosed = defineEvent({
  type: 'ConventionClosed',
  version: 1,
  topic: Topic.RemunerationConvention,
  payload: ConventionClosedV1,
  key: (data) => data.conventionId,
  description: 'A paid convention was closed.',
});
