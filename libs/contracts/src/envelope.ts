import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Min,
  ValidateNested,
} from 'class-validator';

/** Who caused an event: a person (through the gateway), a service on its own, or an import job. */
export class EventActor {
  @IsIn(['user', 'service', 'import'])
  kind!: 'user' | 'service' | 'import';

  @IsString()
  @IsNotEmpty()
  id!: string;
}

/**
 * The envelope every event travels in (CloudEvents-like, see docs/architecture.md). `key` is the aggregate id and the
 * Kafka message key, so one aggregate's events stay ordered. `data` is validated against the payload class of the
 * event's (type, version) definition.
 */
export class EventEnvelope<T = unknown> {
  @IsUUID()
  id!: string;

  @IsString()
  @Matches(/^[A-Z][A-Za-z0-9]+$/, { message: 'type must be an event name in PascalCase' })
  type!: string;

  @IsInt()
  @Min(1)
  version!: number;

  @IsString()
  @IsNotEmpty()
  source!: string;

  @IsISO8601({ strict: true })
  occurredAt!: string;

  @IsString()
  @IsNotEmpty()
  key!: string;

  @IsString()
  @IsNotEmpty()
  correlationId!: string;

  @IsOptional()
  @IsString()
  causationId?: string;

  @IsOptional()
  @IsString()
  academy?: string;

  @ValidateNested()
  @Type(() => EventActor)
  actor!: EventActor;

  @IsObject()
  data!: T;
}
