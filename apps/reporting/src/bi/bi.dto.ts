import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { PeriodQuery } from '../bilans/bilan.dto';
import { BI_FACTS } from './bi-cells.rules';

export class BiFactParams {
  @ApiProperty({
    enum: BI_FACTS,
    description: 'sessions (une ligne par session), conventions (une par convention), modules (l’offre).',
  })
  @IsIn(BI_FACTS, { message: `fact doit être l'un de : ${BI_FACTS.join(', ')}` })
  fact!: (typeof BI_FACTS)[number];
}

export class BiFeedQuery extends PeriodQuery {
  @ApiPropertyOptional({
    description: 'Curseur opaque rendu par la page précédente (nextCursor). Absent : depuis le début.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(400)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 5000, default: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(5000)
  limit?: number;

  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}

export class BiChangeView {
  @ApiProperty({
    enum: ['upsert', 'delete'],
    description: 'upsert : la cellule vaut désormais `data` ; delete : elle n’existe plus (tombstone).',
  })
  op!: 'upsert' | 'delete';
  @ApiProperty({ description: 'Clé de la cellule (identifiant de la session, de la convention, du module).' })
  key!: string;
  @ApiPropertyOptional({
    nullable: true,
    description: 'Le contenu publié de la cellule, sans donnée personnelle, secret statistique appliqué.',
  })
  data!: Record<string, unknown> | null;
}

export class BiFeedView {
  @ApiProperty() fact!: string;
  @ApiProperty({ type: [BiChangeView] }) items!: BiChangeView[];
  @ApiProperty({ description: 'À renvoyer pour lire la suite ; identique au curseur reçu s’il n’y a rien de nouveau.' })
  nextCursor!: string;
  @ApiProperty({ description: 'Vrai si une page pleine a été rendue : relire tout de suite.' }) hasMore!: boolean;
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    example: 3.4,
    description:
      "Des changements déjà validés attendent derrière une transaction encore ouverte dans la base de reporting (rien n'est donné au-delà, pour ne rien sauter) : depuis combien de secondes elle dure. Null : rien n'attend. Une transaction inactive est close par le serveur au bout de 15 s.",
  })
  heldBackSeconds!: number | null;
}
