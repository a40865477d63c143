import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';

export class ActivityRequest {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Pour garder une activité existante (et la progression déjà notée).',
  })
  @IsOptional()
  @IsUUID()
  id?: string;
  @ApiProperty({ example: 'Publier une ressource dans l’ENT' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title!: string;
  @ApiPropertyOptional({ example: '2027-04-10' }) @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/) dueOn?: string;
  @ApiProperty({ example: true }) @IsBoolean() required!: boolean;
}

export class ActivitiesRequest {
  @ApiProperty({
    description: 'La progression est-elle requise pour « formation terminée » (sinon seulement indicative) ?',
  })
  @IsBoolean()
  progressRequired!: boolean;
  @ApiProperty({ type: [ActivityRequest] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ActivityRequest)
  activities!: ActivityRequest[];
}

export class ProgressEntry {
  @ApiProperty({ format: 'uuid' }) @IsUUID() registrationId!: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() activityId!: string;
  @ApiProperty() @IsBoolean() done!: boolean;
}

export class ProgressRequest {
  @ApiProperty({ type: [ProgressEntry] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5000)
  @ValidateNested({ each: true })
  @Type(() => ProgressEntry)
  entries!: ProgressEntry[];
}
