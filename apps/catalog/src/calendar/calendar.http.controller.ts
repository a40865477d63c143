import { Authorize, CurrentIdentity, Identity } from '@forma/auth';
import { readUpload } from '@forma/http';
import { Controller, Get, HttpCode, Post, Query, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { DaysOffQuery } from './calendar.dto';
import { CalendarImported, CalendarService, DayOff } from './calendar.service';

const SAMPLE = [
  'Description;Population;Date de début;Date de fin;Académies;Zones;annee_scolaire',
  "Vacances d'Hiver;-;2026-02-20T23:00:00+00:00;2026-03-08T23:00:00+00:00;Paris;Zone C;2025-2026",
].join('\n');

@ApiTags('calendar')
@Controller('api/v1/calendar')
export class CalendarHttpController {
  constructor(private readonly calendars: CalendarService) {}

  @Post('imports')
  @HttpCode(200)
  @Authorize('dafpen-admin')
  @ApiOperation({
    summary:
      'Importe le calendrier scolaire officiel (open data « Calendrier scolaire », CSV) : les périodes de la zone de votre académie remplacent celles des années présentes ; les autres zones sont ignorées et signalées.',
  })
  @ApiConsumes('text/csv', 'multipart/form-data')
  @ApiBody({
    description: 'Le fichier : corps brut de la requête, ou champ « file » d’un formulaire multipart/form-data.',
    schema: { type: 'string', example: SAMPLE },
  })
  async import(@Req() request: Request, @CurrentIdentity() caller: Identity): Promise<CalendarImported> {
    const content = (await readUpload(request, 20 * 1024 * 1024)).toString('utf8');
    return this.calendars.importOpenData(content, caller.scope.academy);
  }

  @Get('days-off')
  @Authorize('dafpen-admin', 'canope-referent', 'ien', 'school-head', 'trainer')
  @ApiOperation({
    summary: 'Les jours sans formation possible (week-ends, jours fériés, vacances) d’une zone sur une période.',
  })
  @ApiOkResponse({ schema: { example: [{ date: '2026-02-23', reason: 'vacation', label: "Vacances d'Hiver" }] } })
  daysOff(@Query() query: DaysOffQuery): Promise<DayOff[]> {
    return this.calendars.daysOff(query.zone, query.region || null, query.from, query.to);
  }
}
