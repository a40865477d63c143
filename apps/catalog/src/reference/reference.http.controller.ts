import { Authorize, CurrentIdentity, Identity } from '@forma/auth';
import { isValidUai } from '@forma/contracts';
import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CanopeDtRequest,
  CanopeDtView,
  DepartmentRequest,
  DepartmentView,
  DistrictRequest,
  DistrictView,
  SchoolQuery,
  SchoolRequest,
  SchoolView,
  UaiParam,
} from './reference.dto';
import { Academy, CanopeDt, Department, District, School } from '../catalog.entities';
import { badParam } from './reference.errors';
import { ReferenceService } from './reference.service';

const ADMINS = ['dafpen-admin'] as const;
const ANYONE = [
  'dafpen-admin',
  'canope-referent',
  'ien',
  'school-head',
  'trainer',
  'participant',
  'bi-reader',
] as const;

/** Académies (seeded), departments, districts (circonscriptions), schools by UAI and Canopé DTs. */
@ApiTags('reference')
@Controller('api/v1/reference')
export class ReferenceHttpController {
  constructor(private readonly service: ReferenceService) {}

  @Get('academies')
  @Authorize(...ANYONE)
  @ApiOperation({ summary: 'Les académies, leur zone de calendrier scolaire et leur région de jours fériés.' })
  @ApiOkResponse({
    schema: {
      example: [{ code: 'guyane', name: 'Guyane', zone: 'guyane', holidayRegion: 'GF', timeZone: 'America/Cayenne' }],
    },
  })
  academies(): Promise<Academy[]> {
    return this.service.academies();
  }

  @Put('departments/:code')
  @Authorize(...ADMINS)
  @ApiOperation({ summary: 'Crée ou met à jour un département.' })
  @ApiOkResponse({ type: DepartmentView })
  department(
    @Param('code') code: string,
    @Body() body: DepartmentRequest,
    @CurrentIdentity() caller: Identity,
  ): Promise<Department> {
    return this.service.putDepartment(code, body, caller);
  }

  @Get('departments')
  @Authorize(...ANYONE)
  @ApiOperation({ summary: 'Les départements connus.' })
  @ApiOkResponse({ type: [DepartmentView] })
  departments(): Promise<Department[]> {
    return this.service.departments();
  }

  @Put('districts/:code')
  @Authorize(...ADMINS, 'ien')
  @ApiOperation({ summary: 'Crée ou met à jour une circonscription.' })
  @ApiOkResponse({ type: DistrictView })
  district(
    @Param('code') code: string,
    @Body() body: DistrictRequest,
    @CurrentIdentity() caller: Identity,
  ): Promise<District> {
    return this.service.putDistrict(code, body, caller);
  }

  @Get('districts')
  @Authorize(...ANYONE)
  @ApiOperation({ summary: 'Les circonscriptions connues.' })
  @ApiOkResponse({ type: [DistrictView] })
  districts(): Promise<District[]> {
    return this.service.districts();
  }

  @Put('schools/:uai')
  @Authorize(...ADMINS)
  @ApiOperation({
    summary:
      "Crée ou met à jour un établissement (UAI vérifiée avec sa lettre de contrôle) dans l'académie de l'appelant.",
  })
  @ApiOkResponse({ type: SchoolView })
  school(
    @Param() { uai }: UaiParam,
    @Body() body: SchoolRequest,
    @CurrentIdentity() caller: Identity,
  ): Promise<SchoolRequest> {
    if (!isValidUai(uai)) throw badParam('uai', 'UAI invalide');
    return this.service.putSchool(uai, body, caller);
  }

  @Get('schools')
  @Authorize(...ANYONE)
  @ApiOperation({ summary: 'Les établissements, par académie ou par nom.' })
  @ApiOkResponse({ type: [SchoolView] })
  schools(@Query() query: SchoolQuery): Promise<School[]> {
    return this.service.schools(query);
  }

  @Put('canope-dts/:code')
  @Authorize(...ADMINS, 'canope-referent')
  @ApiOperation({ summary: 'Crée ou met à jour une direction territoriale Canopé.' })
  @ApiOkResponse({ type: CanopeDtView })
  canopeDt(
    @Param('code') code: string,
    @Body() body: CanopeDtRequest,
    @CurrentIdentity() caller: Identity,
  ): Promise<CanopeDt> {
    return this.service.putCanopeDt(code, body, caller);
  }

  @Get('canope-dts')
  @Authorize(...ANYONE)
  @ApiOperation({ summary: 'Les directions territoriales Canopé.' })
  @ApiOkResponse({ type: [CanopeDtView] })
  canopeDts(): Promise<CanopeDt[]> {
    return this.service.canopeDts();
  }
}
