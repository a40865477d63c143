import { Authorize, CurrentIdentity, Identity } from '@forma/auth';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { RUNNERS, SPACE_READERS } from '../presence/presence.http.controller';
import { ProgressService } from './progress.service';

class ActivityRequest {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Pour garder une activité existante (et la progression déjà notée).',
  })
  @IsOptional()
  @IsUUID()
  id?: string;
  @ApiProperty({ example: 'Publier une ressource dans l’ENT' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title!: string;
  @ApiPropertyOptional({ example: '2027-04-10' }) @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/) dueOn?: string;
  @ApiProperty({ example: true }) @IsBoolean() required!: boolean;
}

class ActivitiesRequest {
  @ApiProperty({
    description: 'La progression est-elle requise pour « formation terminée » (sinon seulement indicative) ?',
  })
  @IsBoolean()
  progressRequired!: boolean;
  @ApiProperty({ type: [ActivityRequest] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ActivityRequest)
  activities!: ActivityRequest[];
}

class ProgressEntry {
  @ApiProperty({ format: 'uuid' }) @IsUUID() registrationId!: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() activityId!: string;
  @ApiProperty() @IsBoolean() done!: boolean;
}

class ProgressRequest {
  @ApiProperty({ type: [ProgressEntry] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5000)
  @ValidateNested({ each: true })
  @Type(() => ProgressEntry)
  entries!: ProgressEntry[];
}

/** The parcours' monitored activities (m@gistère's progress bar) and each participant's progress. */
@ApiTags('attendance')
@Controller('api/v1/attendance/sessions/:sessionId')
export class ProgressHttpController {
  constructor(private readonly progress: ProgressService) {}

  @Put('activities')
  @Authorize(...RUNNERS)
  @ApiOperation({
    summary: 'Les activités suivies du parcours (échéance, obligatoire ou non) et si la progression est requise.',
  })
  define(
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @Body() body: ActivitiesRequest,
    @CurrentIdentity() caller: Identity,
  ) {
    return this.progress.define(caller, sessionId, body.progressRequired, body.activities);
  }

  @Post('progress')
  @HttpCode(200)
  @Authorize(...RUNNERS)
  @ApiOperation({ summary: 'Note des activités faites (ou défaites) par des participants : ProgressUpdated.' })
  record(
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @Body() body: ProgressRequest,
    @CurrentIdentity() caller: Identity,
  ) {
    return this.progress.record(caller, sessionId, body.entries);
  }

  @Get('progress')
  @Authorize(...SPACE_READERS)
  @ApiOperation({
    summary:
      'La progression : par participant visible, chaque activité faite / à faire / en retard, et un pourcentage.',
  })
  overview(@Param('sessionId', ParseUUIDPipe) sessionId: string, @CurrentIdentity() caller: Identity) {
    return this.progress.overview(caller, sessionId);
  }
}
