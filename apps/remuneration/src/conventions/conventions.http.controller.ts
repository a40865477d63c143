import { Clock } from '@forma/domain';
import { Authorize, CurrentIdentity, Identity } from '@forma/auth';
import { IdempotentCreate, IfMatchVersion, readScan, sendFile, setVersionTag, ApiFileResponse } from '@forma/http';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Req, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiConflictResponse,
  ApiHeader,
  ApiConsumes,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { conventionPdf, ficheFormationPdf } from './convention.pdf';
import { ContentRequest, CreateConventionRequest, ListQuery, ReportRequest, SignRequest } from './convention.dto';
import { ConventionRevised, ConventionsService, ConventionView, LineSheetStored } from './conventions.service';
import { ConventionAuditEntry, ConventionRow } from './convention.repository';

const PARTIES = ['dafpen-admin', 'school-head'] as const;
const READERS = [...PARTIES, 'ien', 'trainer'] as const;
const SCAN_LIMIT = 20 * 1024 * 1024;

/** Conventions DAFPEN x school: plan, trainers, signatures, report, service fait, documents (HSE: hse/). */
@ApiTags('conventions')
@Controller('api/v1/conventions')
export class ConventionsHttpController {
  constructor(
    private readonly conventions: ConventionsService,
    private readonly clock: Clock,
  ) {}

  @Post()
  @IdempotentCreate()
  @HttpCode(201)
  @Authorize(...PARTIES)
  @ApiOperation({
    summary:
      'Crée une convention (brouillon) pour une école et une année scolaire, avec son plan et ses formateurs accompagnateurs.',
  })
  @ApiUnprocessableEntityResponse({
    description: 'unknown_school, trainer_not_on_convention, modality_required, duplicate_trainer',
  })
  create(@Body() body: CreateConventionRequest, @CurrentIdentity() caller: Identity): Promise<ConventionView> {
    return this.conventions.create(caller, body.uai, body.schoolYear, body);
  }

  @Get()
  @Authorize(...PARTIES)
  @ApiOperation({
    summary: 'Les conventions de l’académie (DAFPEN, filtre uai) ou de son école (chef d’établissement).',
  })
  list(@Query() query: ListQuery, @CurrentIdentity() caller: Identity): Promise<ConventionRow[]> {
    return this.conventions.list(caller, query.uai);
  }

  @Get(':id')
  @Authorize(...READERS)
  @ApiOperation({
    summary:
      'Une convention : plan, formateurs (heures effectuées, HSE attribuées), signatures, état ; son ETag est la version à renvoyer dans If-Match pour modifier le plan.',
  })
  async get(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentIdentity() caller: Identity,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ConventionView> {
    const convention = await this.conventions.get(caller, id);
    setVersionTag(res, convention.rowVersion);
    return convention;
  }

  @Put(':id/plan')
  @Authorize(...PARTIES)
  @ApiOperation({
    summary:
      'Remplace le plan et les formateurs ; après une signature, les signatures sont annulées (signaturesVoided) et la convention est à signer de nouveau.',
  })
  @ApiHeader({
    name: 'If-Match',
    required: true,
    description: 'L’ETag lu sur la convention (GET) : 409 version_conflict si elle a changé depuis, 428 sans.',
  })
  @ApiConflictResponse({ description: 'convention_locked, trainer_has_hse, version_conflict' })
  async plan(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ContentRequest,
    @IfMatchVersion() version: number,
    @CurrentIdentity() caller: Identity,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ConventionRevised> {
    const convention = await this.conventions.replaceContent(caller, id, body, version);
    setVersionTag(res, convention.rowVersion);
    return convention;
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Authorize(...PARTIES)
  @ApiOperation({ summary: 'Soumet la convention à la signature.' })
  submit(@Param('id', ParseUUIDPipe) id: string, @CurrentIdentity() caller: Identity): Promise<ConventionView> {
    return this.conventions.submit(caller, id);
  }

  @Post(':id/signatures')
  @HttpCode(200)
  @Authorize(...PARTIES)
  @ApiOperation({
    summary:
      'Signe (chef d’établissement, puis directeur de la DAFPEN), éventuellement par délégation ; la signature porte l’empreinte du contenu.',
  })
  @ApiConflictResponse({ description: 'signature_out_of_order' })
  sign(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: SignRequest,
    @CurrentIdentity() caller: Identity,
  ): Promise<ConventionView> {
    return this.conventions.sign(caller, id, body.role, body.onBehalfOf);
  }

  @Put(':id/paper-copy')
  @Authorize('dafpen-admin')
  @ApiOperation({
    summary:
      'Enregistre une convention signée sur papier : la copie numérisée (PDF, corps brut) et son empreinte valent les deux signatures.',
  })
  @ApiConsumes('application/pdf')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  async paper(
    @Param('id', ParseUUIDPipe) id: string,
    @Req() request: Request,
    @CurrentIdentity() caller: Identity,
  ): Promise<ConventionView> {
    return this.conventions.recordPaperCopy(
      caller,
      id,
      (await readScan(request, SCAN_LIMIT, ['application/pdf'])).content,
    );
  }

  @Get(':id/paper-copy')
  @ApiFileResponse('application/pdf', 'La copie papier signée, telle que déposée (PDF).')
  @Authorize(...PARTIES)
  @ApiOperation({ summary: 'La copie signée sur papier, archivée telle quelle.' })
  async paperCopy(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentIdentity() caller: Identity,
    @Res() res: Response,
  ): Promise<void> {
    sendFile(
      res,
      { type: 'application/pdf', name: `convention-signee-${id}.pdf` },
      await this.conventions.paperCopy(caller, id),
    );
  }

  @Post(':id/start')
  @HttpCode(200)
  @Authorize(...PARTIES)
  @ApiOperation({ summary: 'Le plan signé commence (en cours).' })
  start(@Param('id', ParseUUIDPipe) id: string, @CurrentIdentity() caller: Identity): Promise<ConventionView> {
    return this.conventions.start(caller, id);
  }

  @Put(':id/lines/:lineId/sheet')
  @Authorize(...PARTIES)
  @ApiOperation({
    summary:
      'Dépose la feuille d’émargement signée d’une ligne du plan (numérisée, corps brut) ; gardée avec son empreinte.',
  })
  @ApiConsumes('application/pdf', 'image/png', 'image/jpeg')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  async sheet(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('lineId', ParseUUIDPipe) lineId: string,
    @Req() request: Request,
    @CurrentIdentity() caller: Identity,
  ): Promise<LineSheetStored> {
    return this.conventions.storeSheet(
      caller,
      id,
      lineId,
      (await readScan(request, SCAN_LIMIT, ['application/pdf', 'image/png', 'image/jpeg'])).content,
    );
  }

  @Put(':id/report')
  @Authorize('school-head')
  @ApiOperation({
    summary: 'Le bilan de fin de plan du chef d’établissement : analyses et critères de la fiche Formation ENT.',
  })
  report(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ReportRequest,
    @CurrentIdentity() caller: Identity,
  ): Promise<ConventionView> {
    return this.conventions.submitReport(caller, id, body);
  }

  @Post(':id/service-fait')
  @HttpCode(200)
  @Authorize('school-head')
  @ApiOperation({ summary: 'Certifie le service fait : chaque ligne a sa feuille signée, le bilan est remis.' })
  @ApiConflictResponse({ description: 'sheets_not_signed, wrong_state' })
  serviceFait(@Param('id', ParseUUIDPipe) id: string, @CurrentIdentity() caller: Identity): Promise<ConventionView> {
    return this.conventions.certifyServiceFait(caller, id);
  }

  @Post(':id/validation')
  @HttpCode(200)
  @Authorize('dafpen-admin')
  @ApiOperation({ summary: 'La DAFPEN valide le service fait : la convention entre dans le prochain lot de paie.' })
  validate(@Param('id', ParseUUIDPipe) id: string, @CurrentIdentity() caller: Identity): Promise<ConventionView> {
    return this.conventions.validateServiceFait(caller, id);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Authorize('dafpen-admin')
  @ApiOperation({ summary: 'Clôt une convention payée.' })
  close(@Param('id', ParseUUIDPipe) id: string, @CurrentIdentity() caller: Identity): Promise<ConventionView> {
    return this.conventions.close(caller, id);
  }

  @Get(':id/audit')
  @Authorize(...PARTIES)
  @ApiOperation({ summary: 'Le journal de la convention : chaque changement (qui, quand, avant, après).' })
  audit(@Param('id', ParseUUIDPipe) id: string, @CurrentIdentity() caller: Identity): Promise<ConventionAuditEntry[]> {
    return this.conventions.auditTrail(caller, id);
  }

  @Get(':id/convention.pdf')
  @ApiFileResponse('application/pdf', 'La convention (PDF).')
  @Authorize(...PARTIES)
  @ApiOperation({ summary: 'La convention et son plan, en PDF prêt à signer (ou signé).' })
  async pdf(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentIdentity() caller: Identity,
    @Res() res: Response,
  ): Promise<void> {
    sendFile(
      res,
      { type: 'application/pdf', name: `convention-${id}.pdf` },
      await conventionPdf(await this.conventions.get(caller, id), this.clock.now()),
    );
  }

  @Get(':id/fiche.pdf')
  @ApiFileResponse('application/pdf', 'La fiche formation (PDF).')
  @Authorize(...PARTIES)
  @ApiOperation({ summary: 'La fiche « Formation ENT » (bilan de fin de plan), en PDF.' })
  async fiche(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentIdentity() caller: Identity,
    @Res() res: Response,
  ): Promise<void> {
    sendFile(
      res,
      { type: 'application/pdf', name: `fiche-formation-ent-${id}.pdf` },
      await ficheFormationPdf(await this.conventions.get(caller, id), this.clock.now()),
    );
  }
}
