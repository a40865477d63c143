import { Authorize, CurrentIdentity, Identity } from '@forma/auth';
import { IMPORT_FORMATS } from '@forma/contracts';
import {
  boundedInteger,
  createValidationPipe,
  IdempotentCreate,
  isMultipart,
  receiveUpload,
  sendCsv,
  ApiFileResponse,
} from '@forma/http';
import { Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ImportJobRepository, ImportJobView, RejectionRow } from './import-job.repository';
import { ImportJobService } from './import-job.service';
import { ImportQuery } from './imports.dto';

const IMPORTERS = ['dafpen-admin', 'canope-referent', 'ien'] as const;

const FORM_FIELDS = createValidationPipe();
const PAGE = 5000;

@ApiTags('enrolment-imports')
@Controller('api/v1/enrolment-imports')
export class ImportsHttpController {
  constructor(
    private readonly imports: ImportJobService,
    private readonly jobs: ImportJobRepository,
  ) {}

  @Post()
  @IdempotentCreate()
  @HttpCode(202)
  @Authorize(...IMPORTERS)
  @ApiOperation({
    summary:
      'Importe des participants : extrait GAIA, Mailexport ou tableur (UTF-8 avec ou sans BOM, Windows-1252, ; ou ,). Le fichier est le corps brut de la requête, ou le champ « file » d’un formulaire multipart/form-data (les champs sessionId, format et fileName peuvent l’y précéder). Répond 202 avec le travail ; suivre sa progression par GET.',
  })
  @ApiConsumes('text/csv', 'text/plain', 'application/octet-stream', 'multipart/form-data')
  @ApiBody({
    description:
      'Le fichier (corps brut), ou en multipart/form-data : file (le fichier, en dernier), sessionId, format, fileName.',
    schema: {
      oneOf: [
        {
          type: 'string',
          format: 'binary',
          example: 'Nom;Mail;Fonction;Grade\r\nEXEMPLE Claire;claire.exemple@ac-exemple.fr;ENS;P ECOLE CN\r\n',
        },
        {
          type: 'object',
          required: ['file'],
          properties: {
            sessionId: { type: 'string', format: 'uuid' },
            format: { type: 'string', enum: [...IMPORT_FORMATS] },
            fileName: { type: 'string', maxLength: 200 },
            file: { type: 'string', format: 'binary' },
          },
        },
      ],
    },
  })
  @ApiAcceptedResponse({
    schema: { example: { id: '…', format: 'mailexport', state: 'running', rowsRead: 0, accepted: 0, rejected: 0 } },
  })
  async start(
    @Req() request: Request,
    @Query() query: ImportQuery,
    @CurrentIdentity() caller: Identity,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ImportJobView> {
    if (!isMultipart(request)) {
      const job = await this.imports.start(request, query, caller);
      res.setHeader('location', `/api/v1/enrolment-imports/${job.id}`);
      return job;
    }
    const upload = await receiveUpload(request, 'file');
    let options: ImportQuery;
    try {
      // the form's fields are checked by the same rules as the query string, and win over it
      options = (await FORM_FIELDS.transform(
        { ...query, ...upload.fields },
        { type: 'body', metatype: ImportQuery },
      )) as ImportQuery;
    } catch (error) {
      upload.file.resume();
      throw error;
    }
    const job = await this.imports.start(
      upload.file,
      { ...options, fileName: options.fileName ?? upload.fileName?.slice(0, 200) },
      caller,
    );
    res.setHeader('location', `/api/v1/enrolment-imports/${job.id}`);
    return job;
  }

  @Get(':id')
  @Authorize(...IMPORTERS)
  @ApiOperation({ summary: 'Un import : état et progression (lignes lues, acceptées, rejetées), pendant et après.' })
  @ApiOkResponse({
    schema: {
      example: { id: '…', state: 'completed', rowsRead: 3, accepted: 2, rejected: 1, registrationsCreated: 2 },
    },
  })
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentIdentity() caller: Identity): Promise<ImportJobView> {
    return this.imports.view(id, caller);
  }

  @Get(':id/rejections')
  @Authorize(...IMPORTERS)
  @ApiOperation({
    summary:
      'Les lignes rejetées d’un import (numéro de ligne, code, champ, motif), par pages de 5000 (after = dernier numéro lu).',
  })
  @ApiQuery({ name: 'after', required: false, description: 'Le dernier numéro de ligne lu (page suivante).' })
  async rejections(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentIdentity() caller: Identity,
    @Query('after') after?: string,
  ): Promise<RejectionRow[]> {
    await this.imports.view(id, caller);
    return this.jobs.rejections(id, boundedInteger(after, 'after'), PAGE);
  }

  @Delete(':id/rejections')
  @Authorize('dafpen-admin')
  @ApiOperation({
    summary:
      'Supprime les lignes rejetées d’un import terminé (nettoyage par l’administrateur de l’académie) ; le compteur du job reste.',
  })
  @ApiOkResponse({ schema: { example: { id: '…', deleted: 1000 } } })
  deleteRejections(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentIdentity() caller: Identity,
  ): Promise<{ id: string; deleted: number }> {
    return this.imports.deleteRejections(id, caller);
  }

  @Get(':id/rejections.csv')
  @ApiFileResponse('text/csv', 'Les lignes rejetées de l’import (CSV).')
  @Authorize(...IMPORTERS)
  @ApiOperation({
    summary: 'Le rapport des lignes rejetées en CSV (motif en français, cellules d’origine, formules neutralisées).',
  })
  async rejectionsCsv(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentIdentity() caller: Identity,
    @Res() response: Response,
  ): Promise<void> {
    await this.imports.view(id, caller);
    const jobs = this.jobs;
    async function* rows(): AsyncIterable<unknown[]> {
      let after = 0;
      for (;;) {
        const page = await jobs.rejections(id, after, PAGE);
        for (const r of page) yield [r.row, r.code, r.field, r.message, ...r.cells];
        if (page.length < PAGE) return;
        after = page[page.length - 1].row;
      }
    }
    await sendCsv(response, `rejets-${id}.csv`, ['Ligne', 'Code', 'Champ', 'Motif', 'Cellules d’origine…'], rows());
  }
}
