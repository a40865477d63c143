import { Authorize, CurrentIdentity, Identity } from '@forma/auth';
import { ACADEMY_CODE_PATTERN, IsUai, isValidUai, SchoolRegistered } from '@forma/contracts';
import { ProblemError } from '@forma/http';
import { EventPublisher } from '@forma/messaging';
import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ArrayNotEmpty, IsArray, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { DataSource } from 'typeorm';

const ACADEMY = ACADEMY_CODE_PATTERN;
/** Department codes: 2 or 3 characters, 2A and 2B for Corse. */
const DEPARTMENT = /^[0-9]{2,3}[AB]?$/;

export class DepartmentRequest {
  @ApiProperty({ example: 'Guyane' }) @IsString() @IsNotEmpty() @MaxLength(120) name!: string;
  @ApiProperty({ example: 'guyane' }) @Matches(ACADEMY) academy!: string;
}

export class DistrictRequest {
  @ApiProperty({ example: 'Circonscription fictive de Kourou' }) @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @ApiProperty({ example: '973' }) @Matches(DEPARTMENT) department!: string;
}

export class SchoolRequest {
  @ApiProperty({ example: 'École élémentaire fictive des Palmiers' }) @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @ApiPropertyOptional({ example: 'ecole', description: 'école, collège, lycée, atelier Canopé, rectorat...' }) @IsOptional() @IsString() @MaxLength(60) kind?: string;
  @ApiPropertyOptional({ example: '1 rue des Exemples' }) @IsOptional() @IsString() @MaxLength(300) address?: string;
  @ApiPropertyOptional({ example: '97300' }) @IsOptional() @Matches(/^\d{5}$/) postalCode?: string;
  @ApiPropertyOptional({ example: 'Cayenne' }) @IsOptional() @IsString() @MaxLength(120) city?: string;
  @ApiPropertyOptional({ example: '973' }) @IsOptional() @Matches(DEPARTMENT) department?: string;
  @ApiPropertyOptional({ example: '973-kourou' }) @IsOptional() @IsString() @MaxLength(60) district?: string;
}

export class CanopeDtRequest {
  @ApiProperty({ example: 'DT Antilles-Guyane (fictive)' }) @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @ApiProperty({ example: ['guyane', 'martinique', 'guadeloupe'] }) @IsArray() @ArrayNotEmpty() @Matches(ACADEMY, { each: true }) academies!: string[];
}

export class SchoolQuery {
  @ApiPropertyOptional({ example: 'guyane' }) @IsOptional() @Matches(ACADEMY) academy?: string;
  @ApiPropertyOptional({ example: 'Palmiers' }) @IsOptional() @IsString() @MaxLength(100) q?: string;
}

export class UaiParam {
  @ApiProperty({ example: '9730298L' }) @IsUai({ message: '$property : UAI invalide (7 chiffres et la lettre de contrôle)' }) uai!: string;
}

const ADMINS = ['dafpen-admin'] as const;
const ANYONE = ['dafpen-admin', 'canope-referent', 'ien', 'school-head', 'trainer', 'participant', 'bi-reader'] as const;

/** Académies (seeded), departments, districts (circonscriptions), schools by UAI and Canopé DTs. */
@ApiTags('reference')
@Controller('api/v1/reference')
export class ReferenceHttpController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventPublisher,
  ) {}

  @Get('academies')
  @Authorize(...ANYONE)
  @ApiOperation({ summary: 'Les académies, leur zone de calendrier scolaire et leur région de jours fériés.' })
  @ApiOkResponse({ schema: { example: [{ code: 'guyane', name: 'Guyane', zone: 'guyane', holidayRegion: 'GF', timeZone: 'America/Cayenne' }] } })
  academies(): Promise<unknown[]> {
    return this.dataSource.query('SELECT code, name, zone, holiday_region AS "holidayRegion", time_zone AS "timeZone" FROM academy ORDER BY code');
  }

  @Put('departments/:code')
  @Authorize(...ADMINS)
  @ApiOperation({ summary: 'Crée ou met à jour un département.' })
  async department(@Param('code') code: string, @Body() body: DepartmentRequest): Promise<unknown> {
    if (!DEPARTMENT.test(code)) throw badParam('code', 'code de département (2 ou 3 caractères, 2A/2B)');
    await this.assertAcademy(body.academy);
    await this.dataSource.query(
      'INSERT INTO department (code, name, academy) VALUES ($1, $2, $3) ON CONFLICT (code) DO UPDATE SET name = $2, academy = $3',
      [code, body.name, body.academy],
    );
    return { code, ...body };
  }

  @Get('departments')
  @Authorize(...ANYONE)
  @ApiOperation({ summary: 'Les départements connus.' })
  departments(): Promise<unknown[]> {
    return this.dataSource.query('SELECT code, name, academy FROM department ORDER BY code');
  }

  @Put('districts/:code')
  @Authorize(...ADMINS, 'ien')
  @ApiOperation({ summary: 'Crée ou met à jour une circonscription.' })
  async district(@Param('code') code: string, @Body() body: DistrictRequest): Promise<unknown> {
    if (!/^[a-z0-9-]{2,60}$/.test(code)) throw badParam('code', 'identifiant en minuscules, chiffres et tirets');
    const [department] = await this.dataSource.query('SELECT academy FROM department WHERE code = $1', [body.department]);
    if (!department) throw unknownReference('department', body.department, 'département');
    await this.dataSource.query(
      `INSERT INTO district (code, name, department, academy) VALUES ($1, $2, $3, $4)
       ON CONFLICT (code) DO UPDATE SET name = $2, department = $3, academy = $4`,
      [code, body.name, body.department, department.academy],
    );
    return { code, ...body, academy: department.academy };
  }

  @Get('districts')
  @Authorize(...ANYONE)
  @ApiOperation({ summary: 'Les circonscriptions connues.' })
  districts(): Promise<unknown[]> {
    return this.dataSource.query('SELECT code, name, department, academy FROM district ORDER BY code');
  }

  @Put('schools/:uai')
  @Authorize(...ADMINS)
  @ApiOperation({ summary: "Crée ou met à jour un établissement (UAI vérifiée avec sa lettre de contrôle) dans l'académie de l'appelant." })
  async school(@Param() { uai }: UaiParam, @Body() body: SchoolRequest, @CurrentIdentity() caller: Identity): Promise<unknown> {
    if (!isValidUai(uai)) throw badParam('uai', 'UAI invalide');
    if (body.department) {
      const [department] = await this.dataSource.query('SELECT 1 FROM department WHERE code = $1', [body.department]);
      if (!department) throw unknownReference('department', body.department, 'département');
    }
    if (body.district) {
      const [district] = await this.dataSource.query('SELECT 1 FROM district WHERE code = $1', [body.district]);
      if (!district) throw unknownReference('district', body.district, 'circonscription');
    }
    const row = [uai, body.name, body.kind ?? null, body.address ?? null, body.postalCode ?? null, body.city ?? null, body.department ?? null, body.district ?? null, caller.scope.academy];
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO school (uai, name, kind, address, postal_code, city, department, district, academy)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (uai) DO UPDATE SET name = $2, kind = $3, address = $4, postal_code = $5, city = $6, department = $7, district = $8, academy = $9`,
        row,
      );
      await this.events.publish(manager, SchoolRegistered, {
        uai,
        name: body.name,
        academy: caller.scope.academy,
        department: body.department ?? null,
        district: body.district ?? null,
      });
    });
    return { uai, ...body, academy: caller.scope.academy };
  }

  @Get('schools')
  @Authorize(...ANYONE)
  @ApiOperation({ summary: 'Les établissements, par académie ou par nom.' })
  schools(@Query() query: SchoolQuery): Promise<unknown[]> {
    return this.dataSource.query(
      `SELECT uai, name, kind, address, postal_code AS "postalCode", city, department, district, academy FROM school
        WHERE ($1::text IS NULL OR academy = $1) AND ($2::text IS NULL OR name ILIKE '%' || $2 || '%') ORDER BY name LIMIT 500`,
      [query.academy ?? null, query.q ?? null],
    );
  }

  @Put('canope-dts/:code')
  @Authorize(...ADMINS, 'canope-referent')
  @ApiOperation({ summary: 'Crée ou met à jour une direction territoriale Canopé.' })
  async canopeDt(@Param('code') code: string, @Body() body: CanopeDtRequest): Promise<unknown> {
    if (!/^[a-z0-9-]{2,60}$/.test(code)) throw badParam('code', 'identifiant en minuscules, chiffres et tirets');
    for (const academy of body.academies) await this.assertAcademy(academy);
    await this.dataSource.query(
      'INSERT INTO canope_dt (code, name, academies) VALUES ($1, $2, $3) ON CONFLICT (code) DO UPDATE SET name = $2, academies = $3',
      [code, body.name, body.academies],
    );
    return { code, ...body };
  }

  @Get('canope-dts')
  @Authorize(...ANYONE)
  @ApiOperation({ summary: 'Les directions territoriales Canopé.' })
  canopeDts(): Promise<unknown[]> {
    return this.dataSource.query('SELECT code, name, academies FROM canope_dt ORDER BY code');
  }

  private async assertAcademy(code: string): Promise<void> {
    const [academy] = await this.dataSource.query('SELECT 1 FROM academy WHERE code = $1', [code]);
    if (!academy) throw unknownReference('academy', code, 'académie');
  }
}

function badParam(field: string, rule: string): ProblemError {
  return new ProblemError(400, 'validation_failed', `Paramètre invalide : ${field}.`, [{ field, rule: 'format', message: `${field} : ${rule}` }]);
}

function unknownReference(field: string, value: string, what: string): ProblemError {
  return new ProblemError(422, `unknown_${field}`, `${what} inconnu(e) : ${value}.`, [{ field, rule: 'exists', message: `${field} : ${value} inconnu(e)` }]);
}
