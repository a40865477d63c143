import { Authorize } from '@forma/auth';
import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { OperationsService } from './operations.service';
import { OutboxesStatus } from './operations.views';

/** The platform's own state for its operators (`forma status`): nobody's data, only counts of waiting events. */
@ApiTags('operations')
@Controller('api/v1/operations')
export class OperationsHttpController {
  constructor(private readonly operations: OperationsService) {}

  @Get('outboxes')
  @Authorize('operator')
  @ApiOperation({
    summary: "Le retard de chaque boîte d'envoi (outbox) : événements en attente et âge du plus ancien",
  })
  outboxes(): Promise<OutboxesStatus> {
    return this.operations.outboxes();
  }
}
