import { Authorize } from '@forma/auth';
import { ProblemError } from '@forma/http';
import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { DataSource } from 'typeorm';
import { mailKey } from './person';

const READERS = ['dafpen-admin', 'canope-referent', 'ien', 'school-head'] as const;

export class PeopleQuery {
  @ApiPropertyOptional({ example: 'claire.exemple@ac-exemple.fr' }) @IsOptional() @IsString() @MaxLength(254) mail?: string;
  @ApiPropertyOptional({ example: '9730298L' }) @IsOptional() @IsString() @MaxLength(8) uai?: string;
}

const SELECT = `SELECT id, mail, last_name AS "lastName", first_name AS "firstName", function, grade, uai, profile, version,
  created_at AS "createdAt", updated_at AS "updatedAt" FROM participant`;

@ApiTags('people')
@Controller('api/v1/people')
export class PeopleHttpController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @Authorize(...READERS)
  @ApiOperation({ summary: 'Cherche des personnes par mail (casse et espaces ignorés) ou par établissement (UAI).' })
  async search(@Query() query: PeopleQuery): Promise<unknown[]> {
    if (!query.mail && !query.uai) {
      throw new ProblemError(400, 'missing_filter', 'Précisez mail ou uai.', [{ field: 'mail', rule: 'required', message: 'mail ou uai requis' }]);
    }
    return this.dataSource.query(
      `${SELECT} WHERE ($1::text IS NULL OR mail_key = $1) AND ($2::text IS NULL OR uai = $2) ORDER BY last_name, first_name LIMIT 500`,
      [query.mail ? mailKey(query.mail) : null, query.uai?.toUpperCase() ?? null],
    );
  }

  @Get(':id')
  @Authorize(...READERS)
  @ApiOperation({ summary: 'Une personne, l’historique de ses changements (source : requête ou import) et ses inscriptions.' })
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<unknown> {
    const [person] = (await this.dataSource.query(`${SELECT} WHERE id = $1`, [id])) as object[];
    if (!person) throw new ProblemError(404, 'unknown_participant', `Personne inconnue : ${id}.`);
    const history = await this.dataSource.query(
      `SELECT version, changes, source, actor, changed_at AS "changedAt" FROM participant_history WHERE participant_id = $1 ORDER BY id`,
      [id],
    );
    const registrations = await this.dataSource.query(
      `SELECT id, session_id AS "sessionId", module_id AS "moduleId", kind, state FROM registration WHERE participant_id = $1 ORDER BY created_at`,
      [id],
    );
    const completions = await this.dataSource.query(
      `SELECT module_id AS "moduleId", session_id AS "sessionId", completed_at AS "completedAt" FROM completion WHERE participant_id = $1`,
      [id],
    );
    return { ...person, history, registrations, completions };
  }
}
