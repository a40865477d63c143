import { Authorize, CurrentIdentity, Identity } from '@forma/auth';
import { IsUai, ISO_DATE_PATTERN } from '@forma/contracts';
import { ProblemError } from '@forma/http';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { DataSource } from 'typeorm';
import { CalendarService } from '../calendar/calendar.service';
import { moduleNotFound } from '../modules/module-store';
import { TrainingModule } from '../modules/training-module.entity';
import { PlanResult, planSessions } from './session-planner';

export class PlannerTrainerDto {
  @ApiProperty({ example: 'Alice Formatrice' }) @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @ApiPropertyOptional({ example: ['2026-01-15'] }) @IsOptional() @IsArray() @Matches(ISO_DATE_PATTERN, { each: true }) unavailableOn?: string[];
}

export class PlannerPlaceDto {
  @ApiPropertyOptional({ example: '0750001A' }) @IsOptional() @IsUai() uai?: string;
  @ApiProperty({ example: 'Atelier Canopé fictif de Paris' }) @IsString() @IsNotEmpty() @MaxLength(200) label!: string;
}

export class RepeatDto {
  @ApiProperty({ example: 2, description: 'y : sessions en parallèle' }) @IsInt() @Min(1) @Max(50) sessions!: number;
  @ApiProperty({ example: 3, description: 'n : nombre de fois' }) @IsInt() @Min(1) @Max(100) times!: number;
}

export class PlanRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID() moduleId!: string;
  @ApiProperty({ example: 30 }) @IsInt() @Min(1) @Max(100000) participants!: number;
  @ApiProperty({ example: '2026-01-12' }) @Matches(ISO_DATE_PATTERN) from!: string;
  @ApiProperty({ example: '2026-03-31' }) @Matches(ISO_DATE_PATTERN) to!: string;
  @ApiProperty({ type: PlannerTrainerDto, isArray: true })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => PlannerTrainerDto) trainers!: PlannerTrainerDto[];
  @ApiProperty({ type: PlannerPlaceDto, isArray: true })
  @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => PlannerPlaceDto) places!: PlannerPlaceDto[];
  @ApiPropertyOptional({ type: RepeatDto }) @IsOptional() @ValidateNested() @Type(() => RepeatDto) repeat?: RepeatDto;
}

@ApiTags('planner')
@Controller('api/v1/planner')
export class PlannerHttpController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly calendars: CalendarService,
  ) {}

  @Post('proposals')
  @HttpCode(200)
  @Authorize('dafpen-admin', 'canope-referent', 'ien')
  @ApiOperation({
    summary:
      'Propose les sessions d’un module (x = participants / max par session, ou y sessions n fois) dans le calendrier de la zone de l’appelant. Ne crée rien : le plan se valide ensuite session par session.',
  })
  @ApiBody({
    type: PlanRequest,
    examples: {
      canoprof: {
        summary: '30 enseignants, 2 lieux, 4 formateurs',
        value: {
          moduleId: '0192f3a0-7c1e-7d2a-9b7e-1c2d3e4f5a6b',
          participants: 30,
          from: '2026-01-12',
          to: '2026-01-30',
          trainers: [{ name: 'Alice Formatrice' }, { name: 'Bruno Tuteur' }, { name: 'Chloé Formatrice' }, { name: 'David Tuteur', unavailableOn: ['2026-01-13'] }],
          places: [{ uai: '0750001A', label: 'Atelier Canopé fictif de Paris' }, { label: 'Collège fictif Jean-Moulin' }],
        },
      },
    },
  })
  @ApiOkResponse({ description: '{ feasible: true, sessionCount, sessions[], notes[] } ou { feasible: false, reasons[] }' })
  async propose(@Body() request: PlanRequest, @CurrentIdentity() caller: Identity): Promise<PlanResult> {
    const module = await this.dataSource.manager.findOne(TrainingModule, { where: { id: request.moduleId } });
    if (!module) throw moduleNotFound(request.moduleId);
    if (module.status === 'archived') throw new ProblemError(409, 'module_archived', 'Ce module est archivé : il ne se planifie plus.');
    const place = this.calendars.placeCalendar(caller.scope.academy, request.places.find((p) => p.uai)?.uai);
    if (!place) throw new ProblemError(422, 'unknown_academy', `Académie inconnue : ${caller.scope.academy}.`);
    return planSessions(
      {
        module,
        participants: request.participants,
        from: request.from,
        to: request.to,
        zone: place.zone,
        holidayRegion: place.holidayRegion,
        trainers: request.trainers,
        places: request.places,
        repeat: request.repeat,
      },
      await this.calendars.calendar(),
    );
  }
}
