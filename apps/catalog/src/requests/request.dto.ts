import {
  IsHundredths,
  IsUai,
  MODALITIES,
  MODULE_KINDS,
  MODULE_ORIGINS,
  REQUEST_DECISIONS,
  REQUEST_KINDS,
} from '@forma/contracts';
import { PageQuery } from '@forma/http';
import { REQUEST_STATUSES, RequestStatus } from '../catalog.entities';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';

/** "Demander la mise à disposition d'un parcours" (seed 003): title, origin, durations, pedagogical owner. */
export class ParcoursProvisionRequest {
  @ApiProperty({ example: 'Agir sur le harcèlement entre pairs' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title!: string;
  @ApiProperty({ enum: MODULE_ORIGINS, example: 'dgesco' }) @IsIn(MODULE_ORIGINS) origin!: string;
  @ApiPropertyOptional({ example: 'guyane', description: "Nom de l'académie d'origine quand origin = academie." })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  originAcademy?: string;
  @ApiProperty({ example: 1 }) @IsHundredths() @Min(0) @Max(200) synchronousHours!: number;
  @ApiProperty({ example: 5 }) @IsHundredths() @Min(0) @Max(200) asynchronousHours!: number;
  @ApiProperty({ example: 'IEN fictive de la circonscription Nord' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  pedagogicalOwner!: string;
  @ApiPropertyOptional({
    example: '0192f3a0-7c1e-7d2a-9b7e-1c2d3e4f5a6b',
    description: 'Le parcours de l’offre concerné, s’il y est.',
  })
  @IsOptional()
  @IsUUID()
  moduleId?: string;
}

/** "Demande d'ouverture d'un module de formation" (DFP form, seed 003). */
export class ModuleOpeningRequest {
  @ApiPropertyOptional({ example: '15A0330016' }) @IsOptional() @Matches(/^[0-9A-Z]{1,10}$/) dispositif?: string;
  @ApiPropertyOptional({ example: 7863 }) @IsOptional() @IsInt() @Min(1) moduleNumber?: number;
  @ApiProperty({ example: 'Administration et préparation de la classe avec le numérique' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  label!: string;
  @ApiProperty({ example: 'Préparer la classe avec le numérique' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  shortLabel!: string;
  @ApiProperty({ example: 'Outils de préparation, ENT, ressources.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  content!: string;
  @ApiProperty({ example: 'Savoir préparer une séquence avec les services de l’ENT.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  pedagogicalObjective!: string;
  @ApiProperty({ example: 'Stage' }) @IsString() @IsNotEmpty() @MaxLength(120) form!: string;
  @ApiPropertyOptional({ example: 'Une journée en présence puis un suivi à distance.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  formDescription?: string;
  @ApiProperty({ enum: MODALITIES, example: 'hybrid' }) @IsIn(MODALITIES) modality!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) modalityDescription?: string;
  @ApiProperty({ enum: MODULE_KINDS, example: 'magistere-parcours' }) @IsIn(MODULE_KINDS) moduleType!: string;
  @ApiProperty({ example: 'Professeurs des écoles du cycle 3' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  targetPublic!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) targetPublicDescription?: string;
  @ApiProperty({ example: 'IEN fictive de la circonscription Nord' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  pedagogicalOwner!: string;
  @ApiProperty({ example: 6 }) @IsHundredths() @Min(0.5) @Max(200) plannedHoursPerPerson!: number;
  @ApiProperty({ example: 24 }) @IsInt() @Min(1) @Max(10000) plannedPlaces!: number;
  @ApiProperty({ example: 2 }) @IsInt() @Min(1) @Max(100) trainerCount!: number;
  @ApiProperty({ example: '2 groupes de 12, mars-avril, au rectorat puis à distance.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  plannedOrganisation!: string;
  @ApiPropertyOptional({ example: '9730298L', description: 'Lieu prévu.' }) @IsOptional() @IsUai() placeUai?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() moduleId?: string;
}

export class DecideRequest {
  @ApiProperty({ enum: REQUEST_DECISIONS, example: 'refused' }) @IsIn(REQUEST_DECISIONS) decision!:
    'accepted' | 'refused';
  @ApiPropertyOptional({
    example: 'Places déjà couvertes par le dispositif académique.',
    description: 'Obligatoire pour un refus.',
  })
  @ValidateIf((o: DecideRequest) => o.decision === 'refused' || o.reason !== undefined)
  @IsString()
  @IsNotEmpty({ message: '$property : motif obligatoire pour un refus' })
  @MaxLength(1000)
  reason?: string;
}

export class RequestHistoryItem {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty() actor!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) from!: string | null;
  @ApiProperty() to!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) note!: string | null;
}

export class TrainingRequestResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['parcours-provision', 'module-opening'] }) kind!: string;
  @ApiProperty() academy!: string;
  @ApiProperty({ enum: ['submitted', 'accepted', 'refused', 'withdrawn'] }) status!: string;
  @ApiProperty() title!: string;
  @ApiProperty({
    type: Object,
    description: 'Les champs de la demande, tels que le formulaire de son type (`kind`) les a reçus.',
  })
  fields!: Record<string, unknown>;
  @ApiPropertyOptional({ type: String, nullable: true }) decisionReason!: string | null;
  @ApiProperty({ type: RequestHistoryItem, isArray: true }) history!: RequestHistoryItem[];
  @ApiProperty() rowVersion!: number;
}

/** Which requests to list: by state and kind, a page at a time (newest first). */
export class RequestListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: REQUEST_STATUSES, description: 'Les demandes dans cet état (`submitted` : à décider).' })
  @IsOptional()
  @IsIn(REQUEST_STATUSES)
  status?: RequestStatus;
  @ApiPropertyOptional({ enum: REQUEST_KINDS })
  @IsOptional()
  @IsIn(REQUEST_KINDS)
  kind?: (typeof REQUEST_KINDS)[number];
}

/** A request as a list shows it. */
export class TrainingRequestSummary {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: REQUEST_KINDS }) kind!: string;
  @ApiProperty({ enum: REQUEST_STATUSES }) status!: string;
  @ApiProperty() title!: string;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid' }) moduleId!: string | null;
  @ApiProperty({ description: 'Qui l’a soumise (l’identifiant de son compte).' }) submittedBy!: string;
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) decisionReason!: string | null;
}

/** A page of requests; `nextCursor` asks the next one. */
export class TrainingRequestPage {
  @ApiProperty({ type: TrainingRequestSummary, isArray: true }) items!: TrainingRequestSummary[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
