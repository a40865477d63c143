import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { BilanQuery, PeriodView } from '../bilans/bilan.dto';
import { EXPORT_FORMATS, ExportFormat } from './export-job.rules';

const FORMATS = Object.keys(EXPORT_FORMATS) as ExportFormat[];

/** What to export: the bilan's area and day, and the format. */
export class ExportJobQuery extends BilanQuery {
  @ApiProperty({ enum: FORMATS, example: 'pdf' })
  @IsIn(FORMATS, { message: `format doit être l'un de : ${FORMATS.join(', ')}` })
  format!: ExportFormat;
}

export class ExportProgressView {
  @ApiProperty({ example: 2 }) done!: number;
  @ApiProperty({ example: 3 }) total!: number;
  @ApiProperty({ example: 67 }) percent!: number;
}

export class ExportJobView {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['queued', 'running', 'done', 'failed'] }) state!: string;
  @ApiProperty({ type: ExportProgressView }) progress!: ExportProgressView;
  @ApiProperty() level!: string;
  @ApiProperty() code!: string;
  @ApiProperty() label!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) asOf!: string | null;
  @ApiPropertyOptional({ type: PeriodView, nullable: true }) period!: PeriodView | null;
  @ApiProperty({ enum: FORMATS }) format!: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Le fichier, une fois prêt.' }) fileUrl!:
    string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) fileName!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'SHA-256 du fichier produit.' }) sha256!:
    string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: "La raison d'un échec." }) error!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) finishedAt!: string | null;
}
