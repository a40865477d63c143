import { IsUai, ISO_DATE_PATTERN } from '@forma/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

export class PlannerTrainerDto {
  @ApiProperty({ example: 'Alice Formatrice' }) @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @ApiPropertyOptional({ example: ['2026-01-15'] })
  @IsOptional()
  @IsArray()
  @Matches(ISO_DATE_PATTERN, { each: true })
  unavailableOn?: string[];
}

export class PlannerPlaceDto {
  @ApiPropertyOptional({ example: '0750001A' }) @IsOptional() @IsUai() uai?: string;
  @ApiProperty({ example: 'Atelier Canopé fictif de Paris' }) @IsString() @IsNotEmpty() @MaxLength(200) label!: string;
}

export class RepeatDto {
  @ApiProperty({ example: 2, description: 'y : sessions en parallèle' }) @IsInt() @Min(1) @Max(50) sessions!: number;
  @ApiProperty({ example: 3, description: 'n : nombre de fois' }) @IsInt() @Min(1) @Max(100) times!: number;
}

export class PlanRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID() moduleId!: string;
  @ApiProperty({ example: 30 }) @IsInt() @Min(1) @Max(100000) participants!: number;
  @ApiProperty({ example: '2026-01-12' }) @Matches(ISO_DATE_PATTERN) from!: string;
  @ApiProperty({ example: '2026-03-31' }) @Matches(ISO_DATE_PATTERN) to!: string;
  @ApiProperty({ type: PlannerTrainerDto, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => PlannerTrainerDto)
  trainers!: PlannerTrainerDto[];
  @ApiProperty({ type: PlannerPlaceDto, isArray: true })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => PlannerPlaceDto)
  places!: PlannerPlaceDto[];
  @ApiPropertyOptional({ type: RepeatDto }) @IsOptional() @ValidateNested() @Type(() => RepeatDto) repeat?: RepeatDto;
}
