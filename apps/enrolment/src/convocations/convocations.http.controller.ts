import { Authorize, CurrentIdentity, Identity } from '@forma/auth';
import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ConvocationQueries, OwnConvocation } from './convocation.queries';

@ApiTags('registrations')
@Controller('api/v1/registrations')
export class ConvocationsHttpController {
  constructor(private readonly queries: ConvocationQueries) {}

  @Get('mine/:id/convocation')
  @Authorize('participant')
  @ApiOperation({
    summary:
      'Ma convocation (participant) : le texte envoyé par mail pour une de mes inscriptions confirmées, et où en est son envoi.',
  })
  @ApiNotFoundResponse({
    description: 'convocation_not_found : aucune inscription de la personne du jeton n’a ce numéro',
  })
  @ApiConflictResponse({ description: 'convocation_not_issued : l’inscription n’est pas confirmée' })
  mine(@Param('id', ParseUUIDPipe) id: string, @CurrentIdentity() caller: Identity): Promise<OwnConvocation> {
    return this.queries.mine(caller, id);
  }
}
