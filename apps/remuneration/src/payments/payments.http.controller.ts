import { Authorize, CurrentIdentity, Identity } from '@forma/auth';
import { IdempotentCreate, ApiFileResponse } from '@forma/http';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { BatchRequest } from '../conventions/convention.dto';
import { BatchView, PaymentsService } from './payments.service';

/** Payroll batches ("états liquidatifs") of the DAFPEN. */
@ApiTags('payments')
@Controller('api/v1/payment-batches')
export class PaymentsHttpController {
  constructor(private readonly payments: PaymentsService) {}

  @Post()
  @IdempotentCreate()
  @HttpCode(200)
  @Authorize('dafpen-admin')
  @ApiOperation({
    summary:
      'Produit le lot de paie du service fait validé ; pour des conventions déjà payées, rend le lot qui les a payées (replayed), jamais un second paiement.',
  })
  @ApiConflictResponse({ description: 'nothing_to_pay' })
  export(@Body() body: BatchRequest, @CurrentIdentity() caller: Identity): Promise<BatchView> {
    return this.payments.export(caller, body.conventionIds);
  }

  @Get(':id/etat-liquidatif.csv')
  @ApiFileResponse('text/csv', 'L’état liquidatif du lot (CSV).')
  @Authorize('dafpen-admin')
  @ApiOperation({
    summary: 'L’état liquidatif du lot (CSV ; formateur, grade, HSE, taux, montant, convention, année scolaire).',
  })
  async csv(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentIdentity() caller: Identity,
    @Res() res: Response,
  ): Promise<void> {
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="etat-liquidatif-${id}.csv"`);
    res.end(await this.payments.csv(caller, id));
  }
}
