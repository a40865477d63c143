import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsUai } from '@forma/contracts';

export class TrainerRequest {
  @ApiProperty({ example: 'Alice Formatrice' }) @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @ApiProperty({ example: 'alice.formatrice@ac-exemple.fr' }) @IsEmail() mail!: string;
  @ApiProperty({ example: 'certifie', description: 'Grade (pour le taux de l’HSE) : une clé de la table des taux.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  grade!: string;
  @ApiProperty({ description: 'Engagement à suivre la formation de formateurs (seed 002 §4).' })
  @IsBoolean()
  engaged!: boolean;
}

export class PlanLineRequest {
  @ApiProperty({ enum: ['face-to-face', 'online'] }) @IsIn(['face-to-face', 'online']) kind!: 'face-to-face' | 'online';
  @ApiProperty({ example: '2027-01-12' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property : date AAAA-MM-JJ attendue' })
  date!: string;
  @ApiProperty({ example: 120, description: 'Durée en minutes.' })
  @IsInt()
  @Min(1, { message: '$property : une durée positive est attendue' })
  @Max(24 * 60)
  minutes!: number;
  @ApiPropertyOptional({ example: 'Professeurs de lettres' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  audience?: string;
  @ApiPropertyOptional({ enum: ['cv', 'suivi'], description: 'En ligne : classe virtuelle (cv) ou suivi.' })
  @IsOptional()
  @IsIn(['cv', 'suivi'])
  modality?: 'cv' | 'suivi';
  @ApiProperty({ example: 12 }) @IsInt() @Min(1) @Max(2000) headcount!: number;
  @ApiProperty({ example: 'alice.formatrice@ac-exemple.fr' }) @IsEmail() trainerMail!: string;
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'La session du catalogue qui réalise la ligne (ses heures viennent de l’émargement).',
  })
  @IsOptional()
  @IsUUID()
  sessionId?: string;
}

export class ContentRequest {
  @ApiProperty({ type: [TrainerRequest] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => TrainerRequest)
  trainers!: TrainerRequest[];
  @ApiProperty({ type: [PlanLineRequest] })
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => PlanLineRequest)
  lines!: PlanLineRequest[];
}

export class CreateConventionRequest extends ContentRequest {
  @ApiProperty({ example: '9730298L' })
  @IsUai({ message: '$property : UAI invalide (7 chiffres et la lettre de contrôle)' })
  uai!: string;
  @ApiProperty({ example: '2026-2027' })
  @Matches(/^\d{4}-\d{4}$/, { message: '$property : année scolaire AAAA-AAAA attendue' })
  schoolYear!: string;
}

export class SignRequest {
  @ApiProperty({
    enum: ['head', 'director'],
    description: 'Le chef d’établissement d’abord, puis le directeur de la DAFPEN.',
  })
  @IsIn(['head', 'director'])
  role!: 'head' | 'director';
  @ApiPropertyOptional({
    example: 'M. le proviseur (empêché)',
    description: 'Signature par délégation : au nom de qui.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  onBehalfOf?: string;
}

export class CriterionRequest {
  @ApiProperty({ minimum: 1, maximum: 4 }) @IsInt() @Min(1) @Max(4) rating!: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) comment?: string;
}

@ApiExtraModels(CriterionRequest)
export class ReportRequest {
  @ApiProperty({ example: 'Les équipes utilisent le cahier de textes de l’ENT.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  headAnalysis!: string;
  @ApiProperty({ example: 'Accompagnement individualisé apprécié.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  trainersAnalysis!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: getSchemaPath(CriterionRequest) },
    description: 'Une note (et un commentaire) par critère du bilan, nommé par sa clé.',
    example: {
      'device-reliability': { rating: 3 },
      'pedagogical-feasibility': { rating: 3 },
      'accompaniment-quality': { rating: 4 },
      'school-effects': { rating: 3 },
    },
  })
  @IsObject()
  criteria!: Record<string, CriterionRequest>;
}

export class AllocationRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID() trainerId!: string;
  @ApiProperty({ example: '6.5', description: 'HSE ajoutées (décimal, deux chiffres après la virgule au plus).' })
  @IsString()
  hse!: string;
}

export class ListQuery {
  @ApiPropertyOptional({ example: '9730298L' }) @IsOptional() @IsUai() uai?: string;
}

export class BatchRequest {
  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'Sans liste : tout service fait validé non payé de l’académie.',
  })
  @IsOptional()
  @IsArray()
  @IsUUID('all', { each: true })
  conventionIds?: string[];
}
