import { Authorize, CurrentIdentity, Identity } from '@forma/auth';
import { readUpload } from '@forma/http';
import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { GaiaImportReport, GaiaImportService } from './gaia-import.service';

const LIMIT = 50 * 1024 * 1024;
const FILE_BODY = 'Le fichier : corps brut de la requête, ou champ « file » d’un formulaire multipart/form-data.';

@ApiTags('gaia-imports')
@Controller('api/v1/gaia-imports')
export class GaiaImportHttpController {
  constructor(private readonly imports: GaiaImportService) {}

  @Post('trainings')
  @HttpCode(200)
  @Authorize('dafpen-admin')
  @ApiOperation({
    summary:
      'Importe l’extraction GAIA des formations (14 champs séparés par |, Windows-1252) ; idempotent ; lignes rejetées avec leur numéro.',
  })
  @ApiConsumes('text/plain', 'application/octet-stream', 'multipart/form-data')
  @ApiBody({
    description: FILE_BODY,
    schema: {
      type: 'string',
      example:
        'ACA973|15A0330016|Développer l’usage du numérique|7863|Préparer la classe avec le numérique|4101|01|01/04/2026|08:30|01/04/2026|16:00|E|9730298L - RECTORAT FICTIF|',
    },
  })
  @ApiOkResponse({
    schema: {
      example: {
        file: 'trainings',
        lines: 3,
        created: 4,
        updated: 0,
        unchanged: 0,
        rejected: [{ line: 3, reason: '3 champ(s) au lieu de 14' }],
        notChanged: [],
      },
    },
  })
  async trainings(@Req() request: Request, @CurrentIdentity() caller: Identity): Promise<GaiaImportReport> {
    return this.imports.importTrainings(await readUpload(request, LIMIT), caller);
  }

  @Post('trainers')
  @HttpCode(200)
  @Authorize('dafpen-admin')
  @ApiOperation({ summary: 'Importe l’extraction GAIA des intervenants (6 champs) et les rattache à leurs modules.' })
  @ApiConsumes('text/plain', 'application/octet-stream', 'multipart/form-data')
  @ApiBody({
    description: FILE_BODY,
    schema: { type: 'string', example: 'ACA973|7863|FORMATRICE|Alice|alice.formatrice@ac-exemple.fr|' },
  })
  @ApiOkResponse({
    schema: {
      example: { file: 'trainers', lines: 2, created: 2, updated: 0, unchanged: 0, rejected: [], notChanged: [] },
    },
  })
  async trainers(@Req() request: Request, @CurrentIdentity() caller: Identity): Promise<GaiaImportReport> {
    return this.imports.importTrainers(await readUpload(request, LIMIT), caller);
  }
}
