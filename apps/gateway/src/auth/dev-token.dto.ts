import { Role, ROLES, SCOPE_LEVELS, ScopeLevel } from '@forma/auth';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
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

export class DevScopeDto {
  @ApiProperty({ enum: SCOPE_LEVELS, example: 'academie' }) @IsIn(SCOPE_LEVELS) level!: ScopeLevel;
  @ApiProperty({ example: 'guyane' }) @IsString() @IsNotEmpty() code!: string;
  @ApiProperty({ example: 'guyane' }) @IsString() @IsNotEmpty() academy!: string;
}

export class DevTokenRequest {
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
