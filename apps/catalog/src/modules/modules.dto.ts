import { ApiProperty } from '@nestjs/swagger';
import { ArrayUnique, IsArray, IsUUID } from 'class-validator';

export class SetPrerequisitesRequest {
  @ApiProperty({
    type: String,
    isArray: true,
    example: ['0192f3a0-7c1e-7d2a-9b7e-1c2d3e4f5a6b'],
    description: 'Modules à avoir suivis avant.',
  })
  @IsArray()
  @ArrayUnique()
  @IsUUID('all', { each: true })
  requiredModuleIds!: string[];
}
