import { CALENDAR_ZONES, CalendarZone } from '@forma/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class DaysOffQuery {
  @ApiPropertyOptional({ enum: CALENDAR_ZONES, example: 'C' }) @IsIn(CALENDAR_ZONES) zone!: CalendarZone;
  @ApiPropertyOptional({
    example: 'GF',
    description: 'Région date-holidays (GF, GP, MQ, RE, YT, 57, 67, 68) ; vide = métropole.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(3)
  region?: string;
  @ApiPropertyOptional({ example: '2026-02-01' }) @Matches(/^\d{4}-\d{2}-\d{2}$/) from!: string;
  @ApiPropertyOptional({ example: '2026-03-31' }) @Matches(/^\d{4}-\d{2}-\d{2}$/) to!: string;
}
