import { Authorize, CurrentIdentity, Identity, ROLES } from '@forma/auth';
import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';

/**
 * Who the caller is, as the gateway read their token (the académie's provider through AUTH_CLAIMS, or the development
 * issuer): the admin app shows what the role may do from it after signing in with the provider.
 */
@ApiTags('auth')
@Controller('api/v1/me')
export class MeHttpController {
  @Get()
  @Authorize(...ROLES)
  @ApiOperation({ summary: 'Votre identité telle que la passerelle lit votre jeton : rôles, périmètre, nom et mail.' })
  me(@CurrentIdentity() identity: Identity): Identity {
    return identity;
  }
}
