import { PageLimit } from '@forma/http';
import {
  CANCELLATION_REASONS,
  CancellationReason,
  IsUai,
  MAIL_MAX_LENGTH,
  REGISTRATION_STATES,
  RegistrationState,
} from '@forma/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsInt,
  Max,
  Min,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

export class PersonRequest {
  @ApiProperty({ example: 'claire.exemple@ac-exemple.fr' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsEmail()
  @MaxLength(MAIL_MAX_LENGTH)
  mail!: string;
  @ApiProperty({ example: 'EXEMPLE' }) @IsString() @IsNotEmpty() @MaxLength(120) lastName!: string;
  @ApiPropertyOptional({ example: 'Claire' }) @IsOptional() @IsString() @MaxLength(120) firstName?: string;
  @ApiPropertyOptional({ example: 'ENS', description: 'Fonction GAIA (ENS, DIR, CPC...)' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  function?: string;
  @ApiPropertyOptional({ example: 'P ECOLE CN' }) @IsOptional() @IsString() @MaxLength(120) grade?: string;
  @ApiPropertyOptional({ example: '9730298L' }) @IsOptional() @IsUai() uai?: string;
  @ApiPropertyOptional({ example: 'teacher' }) @IsOptional() @IsString() @MaxLength(60) profile?: string;
}

export class RegistrationRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID() sessionId!: string;

  @ApiProperty({
    enum: ['individual', 'designated'],
    description:
      'individual : la personne demande (décision de l’organisateur) ; designated : un chef d’établissement ou un IEN désigne (place ou liste d’attente aussitôt).',
  })
  @IsIn(['individual', 'designated'])
  kind!: 'individual' | 'designated';

  @ApiPropertyOptional({ format: 'uuid', description: 'Une personne déjà connue ; sinon `person`.' })
  @ValidateIf((r: RegistrationRequest) => !r.person)
  @IsUUID()
  participantId?: string;

  @ApiPropertyOptional({ type: PersonRequest })
  @ValidateIf((r: RegistrationRequest) => !r.participantId)
  @ValidateNested()
  @Type(() => PersonRequest)
  person?: PersonRequest;
}

export class CancelRegistrationRequest {
  @ApiProperty({ enum: CANCELLATION_REASONS, example: 'withdrawn' })
  @IsIn(CANCELLATION_REASONS)
  reason!: CancellationReason;
  @ApiPropertyOptional({ example: 'Empêchement de service' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  comment?: string;
}

export class RegistrationQuery {
  @ApiProperty({ format: 'uuid' }) @IsUUID() sessionId!: string;
  @ApiPropertyOptional({ enum: REGISTRATION_STATES })
  @IsOptional()
  @IsIn(REGISTRATION_STATES)
  state?: RegistrationState;
}

/** A state, words of a name or mail, and a page's place: what a table of registrations is filtered and paged by. */
export class RegistrationPageFilters {
  @ApiPropertyOptional({ enum: REGISTRATION_STATES })
  @IsOptional()
  @IsIn(REGISTRATION_STATES)
  state?: RegistrationState;
  @ApiPropertyOptional({ description: 'Des mots du nom, du prénom ou du mail.', example: 'martin' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1000000)
  offset?: number;
  @PageLimit()
  limit?: number;
}

/** A page of a session's registrations: filters, order and the page's place (the screens' tables). */
export class RegistrationSearchRequest extends RegistrationPageFilters {
  @ApiProperty({ format: 'uuid' }) @IsUUID() sessionId!: string;
  @ApiPropertyOptional({ enum: ['name', 'state', 'createdAt'], default: 'state' })
  @IsOptional()
  @IsIn(['name', 'state', 'createdAt'])
  sort?: 'name' | 'state' | 'createdAt';
  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'asc' })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  order?: 'asc' | 'desc';
}

/** A page of the registrations of a school's people (the school head's and the IEN's table). */
export class SchoolRegistrationSearchRequest extends RegistrationPageFilters {
  @ApiProperty({ example: '0449001V', description: 'UAI de l’établissement des personnes.' }) @IsUai() uai!: string;
}

export class RegistrationResponse {
  @ApiProperty() id!: string;
  @ApiProperty() sessionId!: string;
  @ApiProperty() participantId!: string;
  @ApiProperty({ enum: REGISTRATION_STATES }) state!: RegistrationState;
  @ApiPropertyOptional({ description: 'Rang sur la liste d’attente (1 = prochain promu).' }) position?: number;
}
