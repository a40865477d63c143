import { MODALITIES, MODULE_CATEGORIES, MODULE_KINDS, TARGET_PROFILES } from '@forma/contracts';
import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { GaiaIdentifiersDto, ModuleDurationsDto, ModuleResourceDto } from './create-module.request';

export class ModuleResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 1 }) revision!: number;
  @ApiProperty({ enum: ['draft', 'published', 'archived'], example: 'published' }) status!: string;
  @ApiProperty() title!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) shortTitle?: string | null;
  @ApiProperty({ enum: MODULE_KINDS }) kind!: string;
  @ApiProperty({ enum: MODULE_CATEGORIES }) category!: string;
  @ApiProperty({ enum: MODALITIES }) modality!: string;
  @ApiProperty({ enum: TARGET_PROFILES, isArray: true }) targetProfiles!: string[];
  @ApiProperty({ type: ModuleDurationsDto }) durations!: ModuleDurationsDto;
  @ApiPropertyOptional({ type: Number, nullable: true }) maxParticipantsPerSession?: number | null;
  @ApiProperty({ example: 'guyane' }) academy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, isArray: true }) themes!: string[];
  @ApiPropertyOptional({ type: String, nullable: true }) trainerType!: string | null;
  @ApiProperty({ example: 'canope' }) origin!: string;
  @ApiProperty({ type: ModuleResourceDto, isArray: true }) resources!: ModuleResourceDto[];
  @ApiPropertyOptional({ type: String, nullable: true }) pedagogicalOwner!: string | null;
  @ApiPropertyOptional({ type: GaiaIdentifiersDto, nullable: true }) gaia!: GaiaIdentifiersDto | null;
  @ApiProperty({ type: String, isArray: true, description: 'Modules à avoir suivis avant celui-ci.' })
  prerequisiteModuleIds!: string[];
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) publishedAt!: string | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) archivedAt!: string | null;
  @ApiProperty({ description: 'Version de la ligne, à renvoyer dans If-Match (optimistic locking).' })
  rowVersion!: number;
}

/** A past revision of a module, as it was published (a revision is never edited: it has no row version). */
export class ModuleRevisionResponse extends OmitType(ModuleResponse, ['rowVersion'] as const) {}
