import { PageLimit } from '@forma/http';
import { GaiaIdentifiersDto } from '@forma/api';
import {
  ACADEMY_CODE_PATTERN,
  MODALITIES,
  MODULE_CATEGORIES,
  MODULE_KINDS,
  MODULE_ORIGINS,
  TARGET_PROFILES,
} from '@forma/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsNumber, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';

const SORTS = ['title', 'published', 'duration'] as const;

/** Filters of the offer, after m@gistère's "offre de parcours" page. */
export class OfferQuery {
  @ApiPropertyOptional({
    example: 'numérique',
    description: 'Texte cherché dans le titre, le titre court et les thèmes.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
  @ApiPropertyOptional({ enum: MODULE_KINDS }) @IsOptional() @IsIn(MODULE_KINDS) kind?: string;
  @ApiPropertyOptional({ enum: MODULE_CATEGORIES }) @IsOptional() @IsIn(MODULE_CATEGORIES) category?: string;
  @ApiPropertyOptional({ enum: TARGET_PROFILES }) @IsOptional() @IsIn(TARGET_PROFILES) profile?: string;
  @ApiPropertyOptional({ enum: MODALITIES }) @IsOptional() @IsIn(MODALITIES) modality?: string;
  @ApiPropertyOptional({ enum: MODULE_ORIGINS }) @IsOptional() @IsIn(MODULE_ORIGINS) origin?: string;
  @ApiPropertyOptional({ example: 'prise en main', description: 'Un des thèmes du module (casse ignorée).' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  theme?: string;
  @ApiPropertyOptional({
    example: '15A0330016',
    description: 'Numéro de dispositif GAIA (PAF) ou numéro de module GAIA.',
  })
  @IsOptional()
  @Matches(/^[0-9A-Za-z]{1,20}$/, {
    message: '$property : numéro de dispositif ou de module GAIA, chiffres et lettres (20 au plus)',
  })
  gaia?: string;
  @ApiPropertyOptional({ example: 'guyane' }) @IsOptional() @Matches(ACADEMY_CODE_PATTERN) academy?: string;
  @ApiPropertyOptional({ example: 2 }) @IsOptional() @Type(() => Number) @IsNumber() @Min(0) minHours?: number;
  @ApiPropertyOptional({ example: 6 }) @IsOptional() @Type(() => Number) @IsNumber() @Min(0) maxHours?: number;
  @ApiPropertyOptional({ example: '2026-01-01', description: 'Modules ayant une session qui finit ce jour ou après.' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  from?: string;
  @ApiPropertyOptional({
    example: '2026-06-30',
    description: 'Modules ayant une session qui commence ce jour ou avant.',
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  to?: string;
  @ApiPropertyOptional({ enum: SORTS, default: 'title' }) @IsOptional() @IsIn(SORTS) sort?: (typeof SORTS)[number];
  @PageLimit()
  limit?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() cursor?: string;
}

/** The drafts of the caller's académie: words, then cursor pages (by title). */
export class DraftsQuery {
  @ApiPropertyOptional({
    example: 'canoprof',
    description: 'Texte cherché dans le titre, le titre court et les thèmes.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
  @PageLimit()
  limit?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() cursor?: string;
}

export class OfferItem {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) shortTitle!: string | null;
  @ApiProperty() kind!: string;
  @ApiProperty() category!: string;
  @ApiProperty() modality!: string;
  @ApiProperty({ type: String, isArray: true }) targetProfiles!: string[];
  @ApiProperty({ example: 'dgesco' }) origin!: string;
  @ApiProperty({ type: String, isArray: true, example: ['prise en main'] }) themes!: string[];
  @ApiPropertyOptional({ type: GaiaIdentifiersDto, nullable: true }) gaia!: GaiaIdentifiersDto | null;
  @ApiProperty() academy!: string;
  @ApiProperty({ example: 9 }) totalHours!: number;
  @ApiProperty({ example: '6h à distance - 3h en présence' }) durationLabel!: string;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, description: 'null pour un brouillon.' })
  publishedAt!: string | null;
  @ApiProperty({ enum: ['draft', 'published'] }) status!: 'draft' | 'published';
  @ApiProperty() revision!: number;
  @ApiProperty({ example: 2 }) upcomingSessions!: number;
}

export class OfferPage {
  @ApiProperty({ type: OfferItem, isArray: true }) items!: OfferItem[];
  @ApiPropertyOptional({ type: String, nullable: true }) nextCursor!: string | null;
  @ApiProperty({ example: 55, description: 'Nombre de résultats (« 55 résultat(s) »).' }) total!: number;
}
