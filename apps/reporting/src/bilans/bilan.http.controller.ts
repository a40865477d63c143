import { Authorize, CurrentIdentity, Identity } from '@forma/auth';
import { sendCsv, sendFile, ApiFileResponse } from '@forma/http';
import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { BILAN_CSV_HEADER, bilanCsvRows, bilanFileStem, bilanPdf, bilanXlsx } from './bilan-documents';
import { Bilan } from './bilan.rules';
import { BilanQuery } from './bilan.dto';
import { BilanLive } from './bilan-live.service';
import { BilanService } from './bilan.service';

const READERS = ['dafpen-admin', 'canope-referent', 'ien', 'school-head'] as const;
const fileName = (b: Bilan, ext: string) => `${bilanFileStem(b)}.${ext}`;

@ApiTags('reports')
@Controller('api/v1/reports/bilan')
export class BilanHttpController {
  constructor(
    private readonly bilans: BilanService,
    private readonly changes: BilanLive,
  ) {}

  @Get()
  @Authorize(...READERS)
  @ApiOperation({
    summary:
      "Le bilan d'un niveau (académie, département, circonscription, établissement, DT, formation, dispositif), en temps réel ou à une date passée ; secret statistique appliqué.",
  })
  get(@Query() query: BilanQuery, @CurrentIdentity() caller: Identity): Promise<Bilan> {
    return this.bilans.bilan(caller, query);
  }

  @Get('live')
  @Authorize(...READERS)
  @ApiProduces('text/event-stream')
  @ApiOkResponse({
    description:
      'Flux Server-Sent Events : « bilan-changed » (id : la position du journal de reporting) quand des faits de l’académie sont appliqués ; « ready » à la connexion ; reprise par Last-Event-ID.',
    schema: { type: 'string', example: 'id: 1042\nevent: bilan-changed\ndata: {"seq":1042}\n\n' },
  })
  @ApiOperation({
    summary:
      'Le bilan en direct : un flux d’événements qui dit quand redemander le bilan (mêmes droits et même périmètre que le bilan).',
  })
  async live(
    @Query() query: BilanQuery,
    @CurrentIdentity() caller: Identity,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    const area = await this.bilans.authorise(caller, query);
    await this.changes.subscribe(area.academy, lastEventId, response);
  }

  @Get('export.csv')
  @ApiFileResponse('text/csv', 'Le bilan (CSV).')
  @Authorize(...READERS)
  @ApiOperation({
    summary:
      'Le bilan en CSV (;) : une ligne par valeur (section, ligne, indicateur, valeur), « secret » pour une valeur retenue.',
  })
  async csv(@Query() query: BilanQuery, @CurrentIdentity() caller: Identity, @Res() response: Response): Promise<void> {
    const bilan = await this.bilans.bilan(caller, query);
    await sendCsv(response, fileName(bilan, 'csv'), BILAN_CSV_HEADER, bilanCsvRows(bilan));
  }

  @Get('export.xlsx')
  @ApiFileResponse('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'Le bilan (XLSX).')
  @Authorize(...READERS)
  @ApiOperation({ summary: 'Le bilan en XLSX : une feuille par section, nombres et dates en cellules typées.' })
  async xlsx(
    @Query() query: BilanQuery,
    @CurrentIdentity() caller: Identity,
    @Res() response: Response,
  ): Promise<void> {
    const bilan = await this.bilans.bilan(caller, query);
    sendFile(
      response,
      { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', name: fileName(bilan, 'xlsx') },
      await bilanXlsx(bilan),
    );
  }

  @Get('export.pdf')
  @ApiFileResponse('application/pdf', 'Le bilan (PDF).')
  @Authorize(...READERS)
  @ApiOperation({
    summary: 'Le bilan en PDF, en français, avec ses graphiques (participants par profil, heures par modalité).',
  })
  async pdf(@Query() query: BilanQuery, @CurrentIdentity() caller: Identity, @Res() response: Response): Promise<void> {
    const bilan = await this.bilans.bilan(caller, query);
    sendFile(response, { type: 'application/pdf', name: fileName(bilan, 'pdf'), inline: true }, await bilanPdf(bilan));
  }
}
