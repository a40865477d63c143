import { Public } from '@forma/auth';
import { Body, Controller, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DevTokenRequest } from './dev-token.dto';
import { SharedSecretVerifier } from './user-token';

/** Development issuer: mounted only when AUTH_DEV_ISSUER_ENABLED=true. */
@ApiTags('development')
@Controller('api/v1/dev/tokens')
export class DevTokenHttpController {
  constructor(private readonly verifier: SharedSecretVerifier) {}

  @Post()
  @Public()
  @ApiOperation({ summary: 'DEV ONLY: mints a bearer token for a role and a scope.' })
  mint(@Body() request: DevTokenRequest): { accessToken: string; tokenType: 'Bearer'; expiresIn: number } {
    return { accessToken: this.verifier.mint(request), tokenType: 'Bearer', expiresIn: 3600 };
  }
}
