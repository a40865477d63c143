import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';

export class FeedbackRequest {
  @ApiProperty({
    enum: ['hot', 'cold'],
    description: 'À chaud (fin d’atelier) ou à froid (une semaine après au moins).',
  })
  @IsIn(['hot', 'cold'])
  moment!: 'hot' | 'cold';
  @ApiProperty({ example: 'Les capsules vidéo fonctionnent avec mes 6e ; à tester en différenciation.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  text!: string;
}

export class ReferentRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID() registrationId!: string;
  @ApiProperty({ example: 'Oral' }) @IsString() @IsNotEmpty() @MaxLength(200) concern!: string;
}

export class FacilitatorRequest {
  @ApiProperty({ example: 'Léa Exemple' }) @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @ApiProperty({ example: ['Oral', 'Différenciation'] })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  concerns!: string[];
}

export class FacilitatorMailParam {
  @ApiProperty({ example: 'lea.exemple@ac-exemple.fr' }) @IsEmail() mail!: string;
}

export class FacilitatorQuery {
  @ApiPropertyOptional({ example: 'Oral' }) @IsOptional() @IsString() @MaxLength(200) concern?: string;
}
