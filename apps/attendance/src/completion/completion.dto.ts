import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsUUID } from 'class-validator';

export class CompleteRequest {
  @ApiProperty({ type: [String], format: 'uuid', description: 'Une inscription, ou toute la liste.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5000)
  @IsUUID('all', { each: true })
  registrationIds!: string[];
}
