import { Authorize, CurrentIdentity, Identity } from '@forma/auth';
import { IdempotentCreate } from '@forma/http';
import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { AllocationRequest } from '../conventions/convention.dto';
import { HseAllocated, HseService } from './hse.service';

/** HSE proposed under a convention, for its formateurs accompagnateurs (the conventions' routes). */
@ApiTags('conventions')
@Controller('api/v1/conventions')
export class HseHttpController {
  constructor(private readonly hse: HseService) {}

  @Post(':id/allocations')
  @IdempotentCreate()
  @HttpCode(200)
  @Authorize('school-head')
  @ApiOperation({
    summary:
      'Propose des HSE pour un formateur : refusé au-delà du plafond (cap_exceeded) ou des heures effectuées (above_delivered_hours).',
  })
  @ApiConflictResponse({ description: 'cap_exceeded' })
  @ApiUnprocessableEntityResponse({ description: 'above_delivered_hours, invalid_hse, trainer_not_on_convention' })
  allocate(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: AllocationRequest,
    @CurrentIdentity() caller: Identity,
  ): Promise<HseAllocated> {
    return this.hse.propose(caller, id, body.trainerId, body.hse);
  }
}
