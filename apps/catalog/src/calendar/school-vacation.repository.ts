import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { SchoolVacation } from '../catalog.entities';
import { VacationPeriod } from './school-calendar';

/** The school holidays imported from the official open-data file, by zone and school year. */
@Injectable()
export class SchoolVacationRepository {
  async all(manager: EntityManager): Promise<VacationPeriod[]> {
    return (await manager.find(SchoolVacation)).map((r) => ({
      zone: r.zone,
      schoolYear: r.schoolYear,
      description: r.description,
      lastClassDay: r.lastClassDay,
      resumeDay: r.resumeDay,
    }));
  }

  /** A zone's periods of a school year, in place of those known. */
  async replace(manager: EntityManager, zone: string, schoolYear: string, periods: VacationPeriod[]): Promise<void> {
    await manager.delete(SchoolVacation, { zone, schoolYear });
    await manager.insert(
      SchoolVacation,
      periods.map((p) => ({
        zone: p.zone,
        schoolYear: p.schoolYear,
        description: p.description,
        lastClassDay: p.lastClassDay,
        resumeDay: p.resumeDay,
      })),
    );
  }
}
