import { IsIn, IsInt, IsISO8601, IsOptional, IsUUID, Min } from 'class-validator';
import { defineEvent } from '../event-definition';
import { Topic } from '../topics';

export const IMPORT_FORMATS = ['gaia', 'mailexport', 'spreadsheet'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export class ImportCompletedV1 {
  @IsUUID()
  jobId!: string;

  @IsIn(IMPORT_FORMATS)
  format!: ImportFormat;

  @IsOptional()
  @IsUUID()
  sessionId?: string | null;

  @IsInt()
  @Min(0)
  rowsRead!: number;
  @IsInt()
  @Min(0)
  accepted!: number;
  @IsInt()
  @Min(0)
  rejected!: number;
  /** Registrations this import created (a re-import of the same file creates none). */
  @IsInt()
  @Min(0)
  registrationsCreated!: number;

  @IsISO8601({ strict: true })
  completedAt!: string;
}

export const ImportCompleted = defineEvent({
  type: 'ImportCompleted',
  version: 1,
  topic: Topic.EnrolmentImport,
  payload: ImportCompletedV1,
  key: (data) => data.jobId,
  description:
    'A participants file (GAIA, Mailexport or spreadsheet) was imported: counts of rows read, accepted, rejected.',
});
