import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { defineEvent } from '../event-definition';
import { Topic } from '../topics';
import { ACADEMY_CODE_PATTERN } from '../values/training';

/** The two requests of seed 003: "mise à disposition d'un parcours" and "ouverture d'un module". */
export const REQUEST_KINDS = ['parcours-provision', 'module-opening'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

export const REQUEST_DECISIONS = ['accepted', 'refused'] as const;
export type RequestDecision = (typeof REQUEST_DECISIONS)[number];

export class RequestDecidedV1 {
  @IsUUID()
  requestId!: string;

  @IsIn(REQUEST_KINDS)
  kind!: RequestKind;

  @IsIn(REQUEST_DECISIONS)
  decision!: RequestDecision;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string | null;

  @Matches(ACADEMY_CODE_PATTERN)
  academy!: string;

  @IsString()
  @MaxLength(200)
  title!: string;

  @IsOptional()
  @IsUUID()
  moduleId?: string | null;

  @IsISO8601({ strict: true })
  decidedAt!: string;
}

export const OpeningRequestDecided = defineEvent({
  type: 'OpeningRequestDecided',
  version: 1,
  topic: Topic.CatalogRequest,
  payload: RequestDecidedV1,
  key: (data) => data.requestId,
  description: 'A request ("demande d\'ouverture" or "mise à disposition") was accepted or refused, with the reason.',
});
