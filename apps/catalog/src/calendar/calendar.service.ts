import { CalendarZone } from '@forma/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AcademyReference, findAcademy, holidayRegionFor } from './academies';
import { bundledCalendar, parseOpenDataCalendar } from './open-data-calendar';
import { SchoolCalendar, VacationPeriod } from './school-calendar';

export interface PlaceCalendar {
  academy: AcademyReference;
  zone: CalendarZone;
  holidayRegion: string | null;
}

/** The school calendar in force: imported periods replace the bundled snapshot for their zone and school year. */
@Injectable()
export class CalendarService {
  private readonly bundled = bundledCalendar();

  constructor(private readonly dataSource: DataSource) {}

  async calendar(manager: EntityManager = this.dataSource.manager): Promise<SchoolCalendar> {
    const rows: { zone: CalendarZone; school_year: string; description: string; last_class_day: string; resume_day: string }[] =
      await manager.query(
        `SELECT zone, school_year, description, to_char(last_class_day, 'YYYY-MM-DD') AS last_class_day,
                to_char(resume_day, 'YYYY-MM-DD') AS resume_day FROM school_vacation`,
      );
    const imported: VacationPeriod[] = rows.map((r) => ({
      zone: r.zone,
      schoolYear: r.school_year,
      description: r.description,
      lastClassDay: r.last_class_day,
      resumeDay: r.resume_day,
    }));
    const replaced = new Set(imported.map((p) => `${p.zone}|${p.schoolYear}`));
    return new SchoolCalendar([...this.bundled.filter((p) => !replaced.has(`${p.zone}|${p.schoolYear}`)), ...imported]);
  }

  /** Imports an official open-data file: for each zone and school year it holds, its periods replace what was known. */
  async importOpenData(content: string): Promise<{ periods: number; zones: { zone: string; schoolYear: string; periods: number }[] }> {
    const periods = parseOpenDataCalendar(content);
    const groups = new Map<string, VacationPeriod[]>();
    for (const p of periods) groups.set(`${p.zone}|${p.schoolYear}`, [...(groups.get(`${p.zone}|${p.schoolYear}`) ?? []), p]);
    await this.dataSource.transaction(async (manager) => {
      for (const [key, list] of groups) {
        const [zone, schoolYear] = key.split('|');
        await manager.query('DELETE FROM school_vacation WHERE zone = $1 AND school_year = $2', [zone, schoolYear]);
        await manager.query(
          `INSERT INTO school_vacation (zone, school_year, description, last_class_day, resume_day)
           SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::date[], $5::date[])`,
          [list.map((p) => p.zone), list.map((p) => p.schoolYear), list.map((p) => p.description), list.map((p) => p.lastClassDay), list.map((p) => p.resumeDay)],
        );
      }
    });
    return {
      periods: periods.length,
      zones: [...groups].map(([key, list]) => ({ zone: key.split('|')[0], schoolYear: key.split('|')[1], periods: list.length })),
    };
  }

  /** Zone and public-holiday region of a session: the académie's zone, the place's department for holidays. */
  placeCalendar(academyCode: string, uai?: string | null): PlaceCalendar | undefined {
    const academy = findAcademy(academyCode);
    if (!academy) return undefined;
    return { academy, zone: academy.zone, holidayRegion: holidayRegionFor(academy, uai) };
  }
}
