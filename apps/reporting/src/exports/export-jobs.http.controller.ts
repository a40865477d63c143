import { Authorize, CurrentIdentity, Identity } from '@forma/auth';
import { IdempotentCreate, sendFile, ApiFileResponse } from '@forma/http';
import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ExportJob } from './export-job.repository';
import { EXPORT_FORMATS, progressOf } from './export-job.rules';
import { ExportJobQuery, ExportJobView } from './export-job.dto';
import { ExportJobsService } from './export-jobs.service';

const READERS = ['dafpen-admin', 'canope-referent', 'ien', 'school-head'] as const;
const BASE = '/api/v1/reports/exports';

function view(job: ExportJob): ExportJobView {
  return {
    id: job.id,
    state: job.state,
    progress: progressOf(job),
    level: job.level,
    code: job.code,
    label: job.label,
    asOf: job.asOf,
    period: job.period,
    format: job.format,
    fileUrl: job.state === 'done' ? `${BASE}/${job.id}/file` : null,
    fileName: job.fileName,
    sha256: job.sha256,
    error: job.error,
    createdAt: new Date(job.createdAt).toISOString(),
    finishedAt: job.finishedAt ? new Date(job.finishedAt).toISOString() : null,
  };
}

/** Long bilan exports as jobs: ask, follow the progress, download the file (its requester only). */
@ApiTags('reports')
@Controller('api/v1/reports/exports')
export class ExportJobsHttpController {
  constructor(private readonly exports: ExportJobsService) {}

  @Post()
  @IdempotentCreate()
  @HttpCode(202)
  @Authorize(...READERS)
  @ApiOperation({
    summary:
      "Lance l'export d'un bilan (CSV, XLSX ou PDF) en tâche de fond : le périmètre est vérifié tout de suite, la progression se suit sur la tâche.",
  })
  @ApiAcceptedResponse({ type: ExportJobView })
  async request(
    @Query() query: ExportJobQuery,
    @CurrentIdentity() caller: Identity,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ExportJobView> {
    const { format, ...bilan } = query;
    const job = await this.exports.request(caller, bilan, format);
    res.setHeader('location', `${BASE}/${job.id}`);
    return view(job);
  }

  @Get(':id')
  @Authorize(...READERS)
  @ApiOperation({
    summary:
      "Une tâche d'export : son état, sa progression (étapes faites sur le total), le lien du fichier une fois prêt ; à son demandeur seulement.",
  })
  @ApiOkResponse({ type: ExportJobView })
  async get(@Param('id', ParseUUIDPipe) id: string, @CurrentIdentity() caller: Identity): Promise<ExportJobView> {
    return view(await this.exports.get(caller, id));
  }

  @Get(':id/file')
  @ApiFileResponse(
    ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/pdf'],
    'Le fichier de l’export.',
  )
  @Authorize(...READERS)
  @ApiOperation({ summary: "Le fichier d'un export terminé (409 export_not_ready tant qu'il ne l'est pas)." })
  async file(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentIdentity() caller: Identity,
    @Res() res: Response,
  ): Promise<void> {
    const { job, bytes } = await this.exports.file(caller, id);
    sendFile(
      res,
      { type: EXPORT_FORMATS[job.format].type, name: job.fileName ?? `bilan.${EXPORT_FORMATS[job.format].ext}` },
      bytes,
    );
  }
}
