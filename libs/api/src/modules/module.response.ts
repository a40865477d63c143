import { MODALITIES, MODULE_CATEGORIES, MODULE_KINDS, TARGET_PROFILES } from '@forma/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ModuleDurationsDto } from './create-module.request';

export class ModuleResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 1 }) revision!: number;
  @ApiProperty({ enum: ['draft', 'published', 'archived'], example: 'published' }) status!: string;
  @ApiProperty() title!: string;
  @ApiPropertyOptional() shortTitle?: string | null;
  @ApiProperty({ enum: MODULE_KINDS }) kind!: string;
  @ApiProperty({ enum: MODULE_CATEGORIES }) category!: string;
  @ApiProperty({ enum: MODALITIES }) modality!: string;
  @ApiProperty({ enum: TARGET_PROFILES, isArray: true }) targetProfiles!: string[];
  @ApiProperty({ type: ModuleDurationsDto }) durations!: ModuleDurationsDto;
  @ApiPropertyOptional() maxParticipantsPerSession?: number | null;
  @ApiProperty({ example: 'guyane' }) academy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}
