import { Public, Role, ROLES, SCOPE_LEVELS, ScopeLevel } from '@forma/auth';
import { Body, Controller, Post } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayNotEmpty,
  IsArray,
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  ValidateNested,
} from 'class-validator';
import { SharedSecretVerifier } from './user-token';

class DevScopeDto {
  @ApiProperty({ enum: SCOPE_LEVELS, example: 'academie' }) @IsIn(SCOPE_LEVELS) level!: ScopeLevel;
  @ApiProperty({ example: 'guyane' }) @IsString() @IsNotEmpty() code!: string;
  @ApiProperty({ example: 'guyane' }) @IsString() @IsNotEmpty() academy!: string;
}

class DevTokenRequest {
  @ApiProperty({ example: 'dev-admin-1' }) @IsString() @IsNotEmpty() sub!: string;
  @ApiPropertyOptional({ example: 'Camille Exemple' }) @IsOptional() @IsString() name?: string;
  @ApiPropertyOptional({ example: 'camille.exemple@ac-exemple.fr' }) @IsOptional() @IsEmail() mail?: string;
  @ApiProperty({ enum: ROLES, isArray: true, example: ['dafpen-admin'] })
  @IsArray()
  @ArrayNotEmpty()
  @IsIn(ROLES, { each: true })
  roles!: Role[];
  @ApiProperty({ type: DevScopeDto }) @ValidateNested() @Type(() => DevScopeDto) scope!: DevScopeDto;
}

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
