import { Authorize, CurrentIdentity, Identity } from '@forma/auth';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PlanRequest } from './planner.dto';
import { PlanResult } from './session-planner';
import { SessionPlannerService } from './session-planner.service';

@ApiTags('planner')
@Controller('api/v1/planner')
export class PlannerHttpController {
  constructor(private readonly planner: SessionPlannerService) {}

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
          trainers: [
            { name: 'Alice Formatrice' },
            { name: 'Bruno Tuteur' },
            { name: 'Chloé Formatrice' },
            { name: 'David Tuteur', unavailableOn: ['2026-01-13'] },
          ],
          places: [
            { uai: '0750001A', label: 'Atelier Canopé fictif de Paris' },
            { label: 'Collège fictif Jean-Moulin' },
          ],
        },
      },
    },
  })
  @ApiOkResponse({
    description: '{ feasible: true, sessionCount, sessions[], notes[] } ou { feasible: false, reasons[] }',
  })
  propose(@Body() request: PlanRequest, @CurrentIdentity() caller: Identity): Promise<PlanResult> {
    return this.planner.propose(request, caller);
  }
}
