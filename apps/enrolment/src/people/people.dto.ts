import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class PeopleQuery {
  @ApiPropertyOptional({ example: 'claire.exemple@ac-exemple.fr' })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  mail?: string;
  @ApiPropertyOptional({ example: '9730298L' }) @IsOptional() @IsString() @MaxLength(8) uai?: string;
}
