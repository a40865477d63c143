import { CreateModuleRequest, ModuleResponse } from '@forma/api';
import { Authorize, CurrentIdentity, Identity } from '@forma/auth';
import { IdempotentCreate } from '@forma/http';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PublishModuleService } from './publish-module.service';

@ApiTags('modules')
@Controller('api/v1/modules')
export class PublishModuleHttpController {
  constructor(private readonly service: PublishModuleService) {}

  @Post()
  @HttpCode(201)
  @Authorize('dafpen-admin', 'canope-referent')
  @IdempotentCreate()
  @ApiOperation({ summary: "Publie un module de formation dans l'offre de l'académie de l'appelant." })
  @ApiCreatedResponse({ type: ModuleResponse })
  create(@Body() request: CreateModuleRequest, @CurrentIdentity() caller: Identity): Promise<ModuleResponse> {
    return this.service.publish(request, caller);
  }
}
