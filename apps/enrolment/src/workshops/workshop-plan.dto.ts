import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { MAX_GROUP_SIZE } from './group-formation';

export class TeacherRequest {
  @ApiProperty({ example: 'lea.exemple@ac-exemple.fr' }) @IsString() @IsNotEmpty() @MaxLength(254) key!: string;
  @ApiProperty({ example: 'Léa EXEMPLE' }) @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @ApiProperty({ example: ['Différenciation', 'Oral'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(4)
  @IsString({ each: true })
  concerns!: string[];
  @ApiProperty({ example: 'Lettres' }) @IsString() @MaxLength(100) discipline!: string;
  @ApiProperty({ example: 'confirmé' }) @IsString() @MaxLength(60) experience!: string;
  @ApiPropertyOptional({ example: false }) @IsOptional() @IsBoolean() catalyst?: boolean;
}

export class WorkshopRequest {
  @ApiProperty({ example: 'A1' }) @IsString() @IsNotEmpty() @MaxLength(60) code!: string;
  @ApiProperty({ example: 'Capsules vidéo pour différencier' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title!: string;
  @ApiProperty({ example: 'Différenciation' }) @IsString() @MaxLength(200) concern!: string;
  @ApiProperty({ example: [1, 2] }) @IsArray() @ArrayMinSize(1) @IsInt({ each: true }) rounds!: number[];
  @ApiPropertyOptional({ example: 2 }) @IsOptional() @IsInt() @Min(1) @Max(20) capacityGroups?: number;
}

export class WorkshopPlanRequest {
  @ApiProperty({ example: 'Temps 2 — collège fictif des Lilas' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title!: string;
  @ApiPropertyOptional({ example: 6 }) @IsOptional() @IsInt() @Min(2) @Max(MAX_GROUP_SIZE) maxGroupSize?: number;
  @ApiProperty({ example: 3 }) @IsInt() @Min(1) @Max(10) rounds!: number;
  @ApiPropertyOptional({ example: 3 }) @IsOptional() @IsInt() @Min(0) @Max(10) freeChoiceRound?: number;
  @ApiProperty({ type: [TeacherRequest] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(2000)
  @ValidateNested({ each: true })
  @Type(() => TeacherRequest)
  teachers!: TeacherRequest[];
  @ApiProperty({ type: [WorkshopRequest] })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => WorkshopRequest)
  workshops!: WorkshopRequest[];
}

export class MoveRequest {
  @ApiProperty({ example: 'lea.exemple@ac-exemple.fr' }) @IsString() @IsNotEmpty() key!: string;
  @ApiProperty({ example: 2 }) @IsInt() @Min(1) toGroup!: number;
}

export class EditPlanRequest {
  @ApiProperty({ type: [MoveRequest] })
  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => MoveRequest)
  moves!: MoveRequest[];
}
