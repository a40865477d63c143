import { IMPORT_FORMATS, ImportFormat } from '@forma/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

export class ImportQuery {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'La session où inscrire (Mailexport, tableurs) ; un extrait GAIA porte ses sessions.',
  })
  @IsOptional()
  @IsUUID()
  sessionId?: string;

  @ApiPropertyOptional({
    enum: IMPORT_FORMATS,
    description: 'Détecté sinon : GAIA (5 champs |), Mailexport (Nom = « NOM Prénom »), tableur.',
  })
  @IsOptional()
  @IsIn(IMPORT_FORMATS)
  format?: ImportFormat;

  @ApiPropertyOptional({ example: 'stagiaires-session-4101.csv' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  fileName?: string;
}
