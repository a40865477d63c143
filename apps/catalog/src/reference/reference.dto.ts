import { ACADEMY_CODE_PATTERN, IsUai } from '@forma/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayNotEmpty, IsArray, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

const ACADEMY = ACADEMY_CODE_PATTERN;
/** Department codes: 2 or 3 characters, 2A and 2B for Corse. */
export const DEPARTMENT = /^(?:[0-9]{2,3}|2[AB])$/;

export class DepartmentRequest {
  @ApiProperty({ example: 'Guyane' }) @IsString() @IsNotEmpty() @MaxLength(120) name!: string;
  @ApiProperty({ example: 'guyane' }) @Matches(ACADEMY) academy!: string;
}

export class DistrictRequest {
  @ApiProperty({ example: 'Circonscription fictive de Kourou' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;
  @ApiProperty({ example: '973' }) @Matches(DEPARTMENT) department!: string;
}

export class SchoolRequest {
  @ApiProperty({ example: 'École élémentaire fictive des Palmiers' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;
  @ApiPropertyOptional({ example: 'ecole', description: 'école, collège, lycée, atelier Canopé, rectorat...' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  kind?: string;
  @ApiPropertyOptional({ example: '1 rue des Exemples' }) @IsOptional() @IsString() @MaxLength(300) address?: string;
  @ApiPropertyOptional({ example: '97300' }) @IsOptional() @Matches(/^\d{5}$/) postalCode?: string;
  @ApiPropertyOptional({ example: 'Cayenne' }) @IsOptional() @IsString() @MaxLength(120) city?: string;
  @ApiPropertyOptional({ example: '973' }) @IsOptional() @Matches(DEPARTMENT) department?: string;
  @ApiPropertyOptional({ example: '973-kourou' }) @IsOptional() @IsString() @MaxLength(60) district?: string;
}

export class CanopeDtRequest {
  @ApiProperty({ example: 'DT Antilles-Guyane (fictive)' }) @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @ApiProperty({ example: ['guyane', 'martinique', 'guadeloupe'] })
  @IsArray()
  @ArrayNotEmpty()
  @Matches(ACADEMY, { each: true })
  academies!: string[];
}

export class SchoolQuery {
  @ApiPropertyOptional({ example: 'guyane' }) @IsOptional() @Matches(ACADEMY) academy?: string;
  @ApiPropertyOptional({ example: 'Palmiers' }) @IsOptional() @IsString() @MaxLength(100) q?: string;
}

export class UaiParam {
  @ApiProperty({ example: '9730298L' })
  @IsUai({ message: '$property : UAI invalide (7 chiffres et la lettre de contrôle)' })
  uai!: string;
}
