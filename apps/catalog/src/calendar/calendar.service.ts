import { CalendarZone } from '@forma/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AcademyReference, findAcademy, holidayRegionFor } from './academies';
import { bundledCalendar, CalendarFileError, parseOpenDataCalendar } from './open-data-calendar';
import { addDays, SchoolCalendar, VacationPeriod } from './school-calendar';
import { SchoolVacationRepository } from './school-vacation.repository';
import { invalidCalendarFile, invalidRange, unknownAcademy } from './calendar.errors';

export interface DayOff {
  date: string;
  reason: string;
  label: string;
}

export interface PlaceCalendar {
  academy: AcademyReference;
  zone: CalendarZone;
  holidayRegion: string | null;
}

/** The school calendar imported: the periods kept for the académie's zone, by year, and the zones ignored. */
export interface CalendarImported {
  periods: number;
  zones: { zone: string; schoolYear: string; periods: number }[];
  ignoredZones: string[];
}

/** The school calendar in force: imported periods replace the bundled snapshot for their zone and school year. */
@Injectable()
export class CalendarService {
  private readonly bundled = bundledCalendar();

  constructor(
    private readonly dataSource: DataSource,
    private readonly vacations: SchoolVacationRepository,
  ) {}

  async calendar(manager: EntityManager = this.dataSource.manager): Promise<SchoolCalendar> {
    const imported = await this.vacations.all(manager);
    const replaced = new Set(imported.map((p) => `${p.zone}|${p.schoolYear}`));
    return new SchoolCalendar([...this.bundled.filter((p) => !replaced.has(`${p.zone}|${p.schoolYear}`)), ...imported]);
  }

  /**
   * Imports an official open-data file: for each school year it holds, the periods of the caller's académie's zone
   * replace what was known. The official file holds every zone; the others are another académie's, left as they are
   * and reported as ignored (issue 13: one académie changed every zone's calendar).
   */
  async importOpenData(content: string, academy: string): Promise<CalendarImported> {
    const own = findAcademy(academy);
    if (!own) throw unknownAcademy(academy);
    const all = parsedOrViolation(content);
    const periods = all.filter((p) => p.zone === own.zone);
    const ignoredZones = [...new Set(all.filter((p) => p.zone !== own.zone).map((p) => p.zone))].sort();
    const groups = new Map<string, VacationPeriod[]>();
    for (const p of periods)
      groups.set(`${p.zone}|${p.schoolYear}`, [...(groups.get(`${p.zone}|${p.schoolYear}`) ?? []), p]);
    await this.dataSource.transaction(async (manager) => {
      for (const [key, list] of groups) {
        const [zone, schoolYear] = key.split('|');
        await this.vacations.replace(manager, zone, schoolYear, list);
      }
    });
    return {
      periods: periods.length,
      zones: [...groups].map(([key, list]) => ({
        zone: key.split('|')[0],
        schoolYear: key.split('|')[1],
        periods: list.length,
      })),
      ignoredZones,
    };
  }

  /**
   * The days a training cannot take place (weekends, public holidays, vacations) from `from` to `to` (400 days at
   * most).
   */
  async daysOff(zone: CalendarZone, region: string | null, from: string, to: string): Promise<DayOff[]> {
    if (to < from || addDays(from, 400) < to) {
      throw invalidRange();
    }
    const calendar = await this.calendar();
    const days: DayOff[] = [];
    for (let day = from; day <= to; day = addDays(day, 1)) {
      const off = calendar.dayOff(zone, region, day);
      if (off) days.push({ date: day, ...off });
    }
    return days;
  }

  /** Zone and public-holiday region of a session: the académie's zone, the place's department for holidays. */
  placeCalendar(academyCode: string, uai?: string | null): PlaceCalendar | undefined {
    const academy = findAcademy(academyCode);
    if (!academy) return undefined;
    return { academy, zone: academy.zone, holidayRegion: holidayRegionFor(academy, uai) };
  }
}

function parsedOrViolation(content: string): VacationPeriod[] {
  try {
    return parseOpenDataCalendar(content);
  } catch (error) {
    if (!(error instanceof CalendarFileError)) throw error;
    const field = error.line ? `ligne ${error.line}${error.field ? ` : ${error.field}` : ''}` : 'file';
    throw invalidCalendarFile(error.message, field);
  }
}
