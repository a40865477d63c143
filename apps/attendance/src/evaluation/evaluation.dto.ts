import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';

export class ItemRequest {
  @ApiProperty({ example: 'device-reliability' }) @Matches(/^[a-z0-9-]{1,60}$/) key!: string;
  @ApiProperty({ example: 'Le dispositif a fonctionné de manière fiable.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  label!: string;
}

export class QuestionnaireRequest {
  @ApiPropertyOptional({
    type: [ItemRequest],
    description: 'Sans liste : les critères de la fiche Formation ENT et la satisfaction.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(40)
  @ValidateNested({ each: true })
  @Type(() => ItemRequest)
  items?: ItemRequest[];
}

export class AnswersRequest {
  @ApiProperty({
    example: { 'device-reliability': 4, 'overall-satisfaction': 3 },
    description: 'Une réponse de 1 à 4 par question.',
  })
  @IsObject()
  answers!: Record<string, unknown>;
}
