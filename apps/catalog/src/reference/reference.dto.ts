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

/** A department as the reference holds it. */
export class DepartmentView {
  @ApiProperty({ example: '973' }) code!: string;
  @ApiProperty({ example: 'Guyane' }) name!: string;
  @ApiProperty({ example: 'guyane' }) academy!: string;
}

/** A district (circonscription) as the reference holds it. */
export class DistrictView {
  @ApiProperty({ example: '973-kourou' }) code!: string;
  @ApiProperty({ example: 'Circonscription fictive de Kourou' }) name!: string;
  @ApiProperty({ example: '973' }) department!: string;
  @ApiProperty({ example: 'guyane' }) academy!: string;
}

/** A school (or another place) by its UAI, as the reference holds it (a field not given is absent or null). */
export class SchoolView {
  @ApiProperty({ example: '9730298L' }) uai!: string;
  @ApiProperty({ example: 'École élémentaire fictive des Palmiers' }) name!: string;
  @ApiPropertyOptional({ example: 'ecole', nullable: true, type: String }) kind!: string | null;
  @ApiPropertyOptional({ example: '1 rue des Exemples', nullable: true, type: String }) address!: string | null;
  @ApiPropertyOptional({ example: '97300', nullable: true, type: String }) postalCode!: string | null;
  @ApiPropertyOptional({ example: 'Cayenne', nullable: true, type: String }) city!: string | null;
  @ApiPropertyOptional({ example: '973', nullable: true, type: String }) department!: string | null;
  @ApiPropertyOptional({ example: '973-kourou', nullable: true, type: String }) district!: string | null;
  @ApiProperty({ example: 'guyane' }) academy!: string;
}

/** A Canopé territorial directorate and the académies it serves. */
export class CanopeDtView {
  @ApiProperty({ example: 'dt-antilles-guyane' }) code!: string;
  @ApiProperty({ example: 'DT Antilles-Guyane (fictive)' }) name!: string;
  @ApiProperty({ example: ['guyane', 'martinique', 'guadeloupe'] }) academies!: string[];
}
