import { Authorize, CurrentIdentity, Identity } from '@forma/auth';
import { GroupFormed } from '@forma/contracts';
import { assertVersion, IfMatchVersion, ProblemError, setVersionTag } from '@forma/http';
import { EventPublisher } from '@forma/messaging';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Res } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiHeader, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import type { Response } from 'express';
import { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { formGroups, MAX_GROUP_SIZE, moveTeacher, PlanInput, PlanInputError, PlanResult, WorkshopGroup } from './group-formation';

const ORGANISERS = ['dafpen-admin', 'canope-referent', 'ien', 'school-head'] as const;

export class TeacherRequest {
  @ApiProperty({ example: 'lea.exemple@ac-exemple.fr' }) @IsString() @IsNotEmpty() @MaxLength(254) key!: string;
  @ApiProperty({ example: 'Léa EXEMPLE' }) @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @ApiProperty({ example: ['Différenciation', 'Oral'] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(4) @IsString({ each: true }) concerns!: string[];
  @ApiProperty({ example: 'Lettres' }) @IsString() @MaxLength(100) discipline!: string;
  @ApiProperty({ example: 'confirmé' }) @IsString() @MaxLength(60) experience!: string;
  @ApiPropertyOptional({ example: false }) @IsOptional() @IsBoolean() catalyst?: boolean;
}

export class WorkshopRequest {
  @ApiProperty({ example: 'A1' }) @IsString() @IsNotEmpty() @MaxLength(60) code!: string;
  @ApiProperty({ example: 'Capsules vidéo pour différencier' }) @IsString() @IsNotEmpty() @MaxLength(200) title!: string;
  @ApiProperty({ example: 'Différenciation' }) @IsString() @MaxLength(200) concern!: string;
  @ApiProperty({ example: [1, 2] }) @IsArray() @ArrayMinSize(1) @IsInt({ each: true }) rounds!: number[];
  @ApiPropertyOptional({ example: 2 }) @IsOptional() @IsInt() @Min(1) @Max(20) capacityGroups?: number;
}

export class WorkshopPlanRequest {
  @ApiProperty({ example: 'Temps 2 — collège fictif des Lilas' }) @IsString() @IsNotEmpty() @MaxLength(200) title!: string;
  @ApiPropertyOptional({ example: 6 }) @IsOptional() @IsInt() @Min(2) @Max(MAX_GROUP_SIZE) maxGroupSize?: number;
  @ApiProperty({ example: 3 }) @IsInt() @Min(1) @Max(10) rounds!: number;
  @ApiPropertyOptional({ example: 3 }) @IsOptional() @IsInt() @Min(0) @Max(10) freeChoiceRound?: number;
  @ApiProperty({ type: [TeacherRequest] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(2000) @ValidateNested({ each: true }) @Type(() => TeacherRequest) teachers!: TeacherRequest[];
  @ApiProperty({ type: [WorkshopRequest] }) @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => WorkshopRequest) workshops!: WorkshopRequest[];
}

export class MoveRequest {
  @ApiProperty({ example: 'lea.exemple@ac-exemple.fr' }) @IsString() @IsNotEmpty() key!: string;
  @ApiProperty({ example: 2 }) @IsInt() @Min(1) toGroup!: number;
}

export class EditPlanRequest {
  @ApiProperty({ type: [MoveRequest] }) @IsArray() @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => MoveRequest) moves!: MoveRequest[];
}

interface StoredPlan {
  id: string;
  title: string;
  input: PlanInput;
  result: PlanResult;
  version: number;
}

@ApiTags('workshop-plans')
@Controller('api/v1/workshop-plans')
export class WorkshopPlansHttpController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventPublisher,
  ) {}

  @Post()
  @HttpCode(201)
  @Authorize(...ORGANISERS)
  @ApiOperation({ summary: 'Forme les groupes d’ateliers (6 au plus, préoccupation partagée, profils mêlés, un catalyseur) et leurs parcours ; déterministe et expliqué.' })
  @ApiCreatedResponse({ description: 'Le plan : groupes, membres avec leurs raisons, parcours, avertissements ; ETag = version.' })
  async create(@Body() body: WorkshopPlanRequest, @CurrentIdentity() caller: Identity, @Res({ passthrough: true }) res: Response): Promise<unknown> {
    const { title, ...input } = body;
    const result = planOrProblem(() => formGroups(input));
    const id = uuidv7();
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`INSERT INTO workshop_plan (id, title, academy, input, result) VALUES ($1, $2, $3, $4, $5)`, [
        id,
        title,
        caller.scope.academy,
        JSON.stringify(input),
        JSON.stringify(result),
      ]);
      await this.announce(manager, id, 1, result.groups);
    });
    setVersionTag(res, 1);
    return { id, title, version: 1, ...result };
  }

  @Get(':id')
  @Authorize(...ORGANISERS, 'trainer')
  @ApiOperation({ summary: 'Un plan de groupes (ETag = version pour If-Match).' })
  async get(@Param('id', ParseUUIDPipe) id: string, @Res({ passthrough: true }) res: Response): Promise<unknown> {
    const plan = await this.load(this.dataSource.manager, id, false);
    setVersionTag(res, plan.version);
    return { id, title: plan.title, version: plan.version, ...plan.result };
  }

  @Patch(':id')
  @Authorize(...ORGANISERS)
  @ApiHeader({ name: 'If-Match', required: true })
  @ApiBody({ type: EditPlanRequest })
  @ApiOperation({ summary: 'Retouche à la main : déplace des enseignants d’un groupe à l’autre (jamais au-delà de 6) ; GroupFormed pour les groupes modifiés.' })
  async edit(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: EditPlanRequest,
    @IfMatchVersion() expected: number,
    @CurrentIdentity() caller: Identity,
    @Res({ passthrough: true }) res: Response,
  ): Promise<unknown> {
    const saved = await this.dataSource.transaction(async (manager) => {
      const plan = await this.load(manager, id, true);
      assertVersion(expected, plan.version, 'plan de groupes');
      let result = plan.result;
      const changed = new Set<number>();
      for (const move of body.moves) {
        const outcome = planOrProblem(() => moveTeacher(result, plan.input, move.key, move.toGroup, caller.name ?? caller.sub));
        result = outcome.plan;
        outcome.changed.forEach((n) => changed.add(n));
      }
      const version = plan.version + 1;
      await manager.query(`UPDATE workshop_plan SET result = $2, version = $3, updated_at = now() WHERE id = $1`, [id, JSON.stringify(result), version]);
      await this.announce(manager, id, version, result.groups.filter((g) => changed.has(g.number)));
      return { ...plan, result, version };
    });
    setVersionTag(res, saved.version);
    return { id, title: saved.title, version: saved.version, ...saved.result };
  }

  private async load(manager: EntityManager, id: string, lock: boolean): Promise<StoredPlan> {
    const [plan] = (await manager.query(`SELECT id, title, input, result, version FROM workshop_plan WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`, [
      id,
    ])) as StoredPlan[];
    if (!plan) throw new ProblemError(404, 'plan_not_found', `Plan de groupes introuvable : ${id}.`);
    return plan;
  }

  private async announce(manager: EntityManager, planId: string, planVersion: number, groups: WorkshopGroup[]): Promise<void> {
    if (!groups.length) return;
    await this.events.publishMany(
      manager,
      GroupFormed,
      groups.map((g) => ({
        planId,
        planVersion,
        groupNumber: g.number,
        concern: g.concern,
        members: g.members.map((m) => m.key),
        catalyst: g.catalyst,
        parcours: g.parcours.map((s) => ({ round: s.round, workshop: s.workshop })),
      })),
    );
  }
}

function planOrProblem<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof PlanInputError) {
      throw new ProblemError(422, 'invalid_plan', error.message, [{ field: error.field, rule: 'invalid_plan', message: `${error.field} : ${error.message}` }]);
    }
    throw error;
  }
}
