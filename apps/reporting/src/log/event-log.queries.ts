import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EventLogRepository } from './event-log.repository';

/** The API's reads of the event log. */
@Injectable()
export class EventLogQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly log: EventLogRepository,
  ) {}

  unknown(academy: string) {
    return this.log.unknown(this.dataSource.manager, academy);
  }
}
