import { Authorize, CurrentIdentity, Identity } from '@forma/auth';
import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { PeopleQuery } from './people.dto';
import { PeopleQueries } from './people.queries';
import { mailKey } from './person';
import { PersonalData } from './personal-data.service';
import { missingFilter, unknownParticipant } from './people.errors';
import { PersonalDataAccess, PersonalDataExport, PersonErasure, PersonProfile, PersonView } from './people.views';

const READERS = ['dafpen-admin', 'canope-referent', 'ien', 'school-head'] as const;

@ApiTags('people')
@Controller('api/v1/people')
export class PeopleHttpController {
  constructor(
    private readonly people: PeopleQueries,
    private readonly personal: PersonalData,
  ) {}

  @Get()
  @Authorize(...READERS)
  @ApiOperation({ summary: 'Cherche des personnes par mail (casse et espaces ignorés) ou par établissement (UAI).' })
  search(@Query() query: PeopleQuery, @CurrentIdentity() caller: Identity): Promise<PersonView[]> {
    if (!query.mail && !query.uai) {
      throw missingFilter();
    }
    return this.people.search(caller, {
      mailKey: query.mail ? mailKey(query.mail) : null,
      uai: query.uai?.toUpperCase() ?? null,
    });
  }

  @Get(':id')
  @Authorize(...READERS)
  @ApiOperation({
    summary: 'Une personne, l’historique de ses changements (source : requête ou import) et ses inscriptions.',
  })
  async get(@Param('id', ParseUUIDPipe) id: string, @CurrentIdentity() caller: Identity): Promise<PersonProfile> {
    const profile = await this.people.profile(caller, id);
    if (!profile) throw unknownParticipant(id);
    return profile;
  }

  @Get(':id/export')
  @Authorize(...READERS, 'participant')
  @ApiOperation({
    summary:
      'RGPD : tout ce que le service des inscriptions détient d’une personne, en JSON (la personne elle-même ou qui l’atteint ; la lecture est journalisée).',
  })
  export(@Param('id', ParseUUIDPipe) id: string, @CurrentIdentity() caller: Identity): Promise<PersonalDataExport> {
    return this.personal.export(caller, id);
  }

  @Post(':id/erasure')
  @HttpCode(200)
  @Authorize('dafpen-admin')
  @ApiOperation({
    summary:
      'RGPD : efface une personne (pseudonymisée ici, PersonErased pour les autres services) ; dit ce qui est conservé et pourquoi.',
  })
  erase(@Param('id', ParseUUIDPipe) id: string, @CurrentIdentity() caller: Identity): Promise<PersonErasure> {
    return this.personal.erase(caller, id);
  }

  @Get(':id/access-log')
  @Authorize('dafpen-admin')
  @ApiOperation({ summary: 'RGPD : le journal des lectures des données de cette personne par les administrateurs.' })
  accessLog(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentIdentity() caller: Identity,
  ): Promise<PersonalDataAccess[]> {
    return this.personal.accessLog(caller, id);
  }
}
