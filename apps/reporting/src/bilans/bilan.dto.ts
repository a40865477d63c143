import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { BILAN_LEVELS, BilanLevel } from './bilan-scope.policy';

/**
 * The period a bilan or the BI feed covers: a school year, or from-to dates (period.rules.ts checks them together).
 * One definition for both, so they validate and document it alike.
 */
export class PeriodQuery {
  @ApiPropertyOptional({
    example: '2025-2026',
    description:
      "Année scolaire couverte (du 1er septembre au 31 août) : les sessions qui y commencent, leurs inscriptions, présences, achèvements, attestations et évaluations ; les conventions (et, pour un bilan, les vagues du plan) de cette année. Exclut from et to ; l'offre (modules) du flux décisionnel n'a pas de période.",
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{4}$/, { message: 'schoolYear doit être une année scolaire AAAA-AAAA' })
  schoolYear?: string;

  @ApiPropertyOptional({
    example: '2026-09-01',
    description:
      'Début de la période couverte (AAAA-MM-JJ, avec to) : les sessions qui commencent entre from et to inclus, et leur activité ; les conventions des années scolaires touchées.',
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'from doit être une date AAAA-MM-JJ' })
  from?: string;

  @ApiPropertyOptional({
    example: '2026-10-31',
    description: 'Fin de la période couverte (AAAA-MM-JJ, incluse, avec from).',
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'to doit être une date AAAA-MM-JJ' })
  to?: string;
}

export class BilanQuery extends PeriodQuery {
  @ApiProperty({
    enum: BILAN_LEVELS,
    description:
      'Niveau : académie, département, circonscription, établissement (UAI), DT Canopé, formation (module), dispositif.',
  })
  @IsIn(BILAN_LEVELS, { message: `level doit être l'un de : ${BILAN_LEVELS.join(', ')}` })
  level!: BilanLevel;

  @ApiProperty({
    description:
      "Code de l'entité : code de l'académie, du département, de la circonscription, UAI, code de la DT, identifiant du module, code du dispositif.",
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(80)
  code!: string;

  @ApiPropertyOptional({
    description:
      'Situation à cette date (AAAA-MM-JJ, passée ou du jour), reconstituée depuis le journal des événements. Absent : en temps réel.',
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'asOf doit être une date AAAA-MM-JJ' })
  asOf?: string;
}

export class PeriodView {
  @ApiProperty({ example: '2025-09-01' }) from!: string;
  @ApiProperty({ example: '2026-08-31' }) to!: string;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '2025-2026',
    description: "L'année scolaire, quand la période en est une.",
  })
  schoolYear!: string | null;
}

export class FigureView {
  @ApiPropertyOptional({ nullable: true, description: 'La valeur, ou null si le secret statistique la retient.' })
  value!: number | string | null;
  @ApiPropertyOptional({
    enum: ['primary', 'secondary', 'total'],
    description: 'Pourquoi elle est retenue : moins de 5 personnes, ou pour ne pas la retrouver par différence.',
  })
  withheld?: string;
}

export class UnknownEventView {
  @ApiProperty() type!: string;
  @ApiProperty() version!: number;
  @ApiProperty() count!: number;
  @ApiProperty() lastReceivedAt!: string;
}
