import { Clock } from '@forma/domain';
import { Authorize, CurrentIdentity, Identity } from '@forma/auth';
import { IdempotentCreate, readScan, sendCsv, sendFile, ApiFileResponse } from '@forma/http';
import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Put, Req, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ATTENDANCE_SETTINGS, AttendanceSettings } from '../attendance.config';
import { attendanceSheetPdf } from './attendance-sheet.pdf';
import { RecordMarksRequest, ReasonRequest } from './presence.dto';
import { PresenceQueries, SessionSheet } from './presence.queries';
import { PresenceService, SessionClosedAnswer, SessionReopenedAnswer, SignedSheetStored } from './presence.service';
import { RUNNERS, SPACE_READERS } from '../session-access.rules';
import { LedgerRow, SessionAuditEntry, SignedSheetRow } from './session-space.repository';

/** A session's presence: the sheet (marks per part), the ledger's entries, closing and reopening, the signed sheet. */
@ApiTags('attendance')
@Controller('api/v1/attendance/sessions/:sessionId')
export class PresenceHttpController {
  constructor(
    private readonly presence: PresenceService,
    private readonly queries: PresenceQueries,
    @Inject(ATTENDANCE_SETTINGS) private readonly settings: AttendanceSettings,
    private readonly clock: Clock,
  ) {}

  @Get()
  @Authorize(...SPACE_READERS)
  @ApiOperation({
    summary:
      'La session : ses parties (créneaux, demi-journées, suivi), et les lignes que l’appelant voit avec leurs marques et heures par modalité.',
  })
  sheet(
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @CurrentIdentity() caller: Identity,
  ): Promise<SessionSheet> {
    return this.queries.sheet(caller, sessionId);
  }

  @Post('marks')
  @IdempotentCreate()
  @HttpCode(201)
  @Authorize(...RUNNERS)
  @ApiOperation({
    summary:
      'Émarge une personne ou toute la liste ; une partie déjà marquée se corrige par une nouvelle entrée motivée (jamais modifiée).',
  })
  @ApiCreatedResponse({ description: 'Les entrées ajoutées au registre.' })
  @ApiConflictResponse({ description: 'session_closed, session_cancelled' })
  @ApiUnprocessableEntityResponse({
    description:
      'not_enrolled, unknown_slot, unknown_part, hours_above_slot, correction_reason_required… (chaque ligne nommée)',
  })
  record(
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @Body() body: RecordMarksRequest,
    @CurrentIdentity() caller: Identity,
  ): Promise<LedgerRow[]> {
    return this.presence.record(caller, sessionId, body.marks);
  }

  @Post('close')
  @HttpCode(200)
  @Authorize(...RUNNERS)
  @ApiOperation({ summary: 'Clôt la session : ses présences sont verrouillées (SessionClosed).' })
  close(
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @CurrentIdentity() caller: Identity,
  ): Promise<SessionClosedAnswer> {
    return this.presence.close(caller, sessionId);
  }

  @Post('reopen')
  @HttpCode(200)
  @Authorize('dafpen-admin', 'canope-referent')
  @ApiOperation({ summary: 'Rouvre une session close, avec un motif gardé dans le journal.' })
  reopen(
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @Body() body: ReasonRequest,
    @CurrentIdentity() caller: Identity,
  ): Promise<SessionReopenedAnswer> {
    return this.presence.reopen(caller, sessionId, body.reason);
  }

  @Get('audit')
  @Authorize(...RUNNERS)
  @ApiOperation({ summary: 'Le journal de la session : clôtures et réouvertures (qui, quand, motif).' })
  audit(
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @CurrentIdentity() caller: Identity,
  ): Promise<SessionAuditEntry[]> {
    return this.queries.audit(caller, sessionId);
  }

  @Get('sheet.pdf')
  @ApiFileResponse('application/pdf', 'La feuille d’émargement (PDF).')
  @Authorize(...RUNNERS)
  @ApiOperation({
    summary:
      "La feuille d'émargement (PDF) : chaque créneau et chaque participant, des cases à signer de 30 x 13 mm, aucune ligne coupée.",
  })
  async sheetPdf(
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @CurrentIdentity() caller: Identity,
    @Res() res: Response,
  ): Promise<void> {
    const pdf = await attendanceSheetPdf(await this.queries.sheetDocument(caller, sessionId, this.clock.now()));
    sendFile(res, { type: 'application/pdf', name: `emargement-${sessionId}.pdf` }, pdf);
  }

  @Get('marks.csv')
  @ApiFileResponse('text/csv', 'Les marques de présence (CSV).')
  @Authorize(...RUNNERS, 'ien', 'school-head')
  @ApiOperation({
    summary:
      'Le registre à plat (CSV) : une ligne par entrée, avec la session, le créneau, le lieu, les durées, le statut et l’auteur.',
  })
  async csv(
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @CurrentIdentity() caller: Identity,
    @Res() res: Response,
  ): Promise<void> {
    const { space, parts, lines, entries } = await this.queries.flatLedger(caller, sessionId);
    const place = [space.placeLabel, space.placeName, space.placeUai].filter(Boolean).join(' — ');
    await sendCsv(
      res,
      `presences-${sessionId}.csv`,
      [
        'entree',
        'session',
        'module',
        'groupe',
        'date',
        'debut',
        'fin',
        'partie',
        'modalite',
        'lieu',
        'duree_prevue_min',
        'nom',
        'prenom',
        'mail',
        'uai',
        'statut',
        'duree_min',
        'provenance',
        'auteur',
        'motif',
        'corrige',
        'enregistre_le',
      ],
      entries.map((e) => {
        const part = parts.find((p) => p.slotIndex === e.slotIndex && p.part === e.part);
        const line = lines.get(e.registrationId)!;
        return [
          e.id,
          sessionId,
          space.module.title,
          space.groupNumber,
          part?.date,
          part?.start,
          part?.end,
          e.part,
          e.modality,
          place,
          part?.plannedMinutes,
          line.lastName,
          line.firstName,
          line.mail,
          line.uai,
          e.status,
          e.minutes,
          e.provenance,
          e.author,
          e.reason,
          e.corrects,
          new Date(e.recordedAt).toISOString(),
        ];
      }),
    );
  }

  @Put('signed-sheet')
  @HttpCode(201)
  @Authorize(...RUNNERS)
  @ApiOperation({
    summary:
      'Dépose la feuille signée et numérisée (PDF, PNG ou JPEG, corps brut) ; gardée avec son empreinte SHA-256.',
  })
  @ApiConsumes('application/pdf', 'image/png', 'image/jpeg')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  async storeSigned(
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @Req() request: Request,
    @CurrentIdentity() caller: Identity,
  ): Promise<SignedSheetStored> {
    const { content, type } = await readScan(request, this.settings.signedSheetMaxBytes, [
      'application/pdf',
      'image/png',
      'image/jpeg',
    ]);
    return this.presence.storeSignedSheet(caller, sessionId, type, content);
  }

  @Get('signed-sheets')
  @Authorize(...RUNNERS)
  @ApiOperation({ summary: 'Les feuilles signées déposées (empreinte, taille, qui, quand).' })
  @ApiOkResponse({ description: 'Liste' })
  signedSheets(
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @CurrentIdentity() caller: Identity,
  ): Promise<SignedSheetRow[]> {
    return this.queries.signedSheets(caller, sessionId);
  }

  @Get('signed-sheets/:id')
  @ApiFileResponse(['application/pdf', 'image/jpeg', 'image/png'], 'La feuille signée telle que déposée.')
  @Authorize(...RUNNERS)
  @ApiOperation({ summary: 'Une feuille signée, telle que déposée.' })
  async signedSheet(
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentIdentity() caller: Identity,
    @Res() res: Response,
  ): Promise<void> {
    const sheet = await this.queries.signedSheet(caller, sessionId, id);
    sendFile(
      res,
      {
        type: sheet.contentType,
        name: `feuille-signee-${id}.${sheet.contentType === 'application/pdf' ? 'pdf' : sheet.contentType === 'image/png' ? 'png' : 'jpg'}`,
      },
      sheet.content,
    );
  }
}
