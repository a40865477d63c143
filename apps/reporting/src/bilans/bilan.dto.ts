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

export class BilanView {
  @ApiProperty() level!: string;
  @ApiProperty() code!: string;
  @ApiProperty() label!: string;
  @ApiProperty() academy!: string;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Situation à ce jour (les faits enregistrés jusque-là) ; null : en temps réel.',
  })
  asOf!: string | null;
  @ApiPropertyOptional({
    type: PeriodView,
    nullable: true,
    description: "L'activité couverte (sessions commencées dans la période) ; null : depuis le début.",
  })
  period!: PeriodView | null;
  @ApiProperty() generatedAt!: string;
  @ApiProperty({
    description:
      'Sessions prévues, réalisées, annulées ; heures dispensées, total des sessions réalisées (présentiel, classe virtuelle).',
  })
  sessions!: object;
  @ApiProperty({
    description: 'Par modalité (présentiel, classe virtuelle, suivi) : personnes, heures suivies, assiduité.',
  })
  modalities!: object;
  @ApiProperty({
    description: 'Par profil : participants, assiduité, formations terminées, attestations ; et le total.',
  })
  profiles!: object;
  @ApiProperty({
    description:
      'Participants par établissement, pour un département, une circonscription ou l’académie (vide pour un établissement, une formation, un dispositif ou une DT Canopé : le secret statistique est décidé sur les deux hiérarchies, lieux et formations, et leur croisement n’est pas publié).',
  })
  schools!: object;
  @ApiProperty({ description: 'Évaluation anonyme : réponses, taux de réponse.' }) evaluation!: object;
  @ApiProperty({ description: 'Conventions, HSE attribuées, plafond, payées, montant.' }) hse!: object;
  @ApiProperty({ description: 'Seuil du secret statistique et nombre de valeurs retenues.' }) secrecy!: object;
}

export class UnknownEventView {
  @ApiProperty() type!: string;
  @ApiProperty() version!: number;
  @ApiProperty() count!: number;
  @ApiProperty() lastReceivedAt!: string;
}
