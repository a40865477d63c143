import { Authorize, CurrentIdentity, Identity } from '@forma/auth';
import { RuleViolation } from '@forma/domain';
import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PeopleQueries } from './people.queries';
import { mailKey } from './person';

const READERS = ['dafpen-admin', 'canope-referent', 'ien', 'school-head'] as const;

export class PeopleQuery {
  @ApiPropertyOptional({ example: 'claire.exemple@ac-exemple.fr' }) @IsOptional() @IsString() @MaxLength(254) mail?: string;
  @ApiPropertyOptional({ example: '9730298L' }) @IsOptional() @IsString() @MaxLength(8) uai?: string;
}

@ApiTags('people')
@Controller('api/v1/people')
export class PeopleHttpController {
  constructor(private readonly people: PeopleQueries) {}

  @Get()
  @Authorize(...READERS)
  @ApiOperation({ summary: 'Cherche des personnes par mail (casse et espaces ignorés) ou par établissement (UAI).' })
  search(@Query() query: PeopleQuery, @CurrentIdentity() caller: Identity): Promise<object[]> {
    if (!query.mail && !query.uai) {
      throw new RuleViolation('bad_request', 'missing_filter', 'Précisez mail ou uai.', [{ field: 'mail', rule: 'required', message: 'mail ou uai requis' }]);
    }
    return this.people.search(caller, { mailKey: query.mail ? mailKey(query.mail) : null, uai: query.uai?.toUpperCase() ?? null });
  }

  @Get(':id')
  @Authorize(...READERS)
  @ApiOperation({ summary: 'Une personne, l’historique de ses changements (source : requête ou import) et ses inscriptions.' })
  async get(@Param('id', ParseUUIDPipe) id: string, @CurrentIdentity() caller: Identity): Promise<object> {
    const profile = await this.people.profile(caller, id);
    if (!profile) throw new RuleViolation('not_found', 'unknown_participant', `Personne inconnue : ${id}.`);
    return profile;
  }
}
