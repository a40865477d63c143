import { checkSessionCalendar, PlannedSlot, SessionCalendarInput } from './calendar.rules';
import { bundledCalendar, parseOpenDataCalendar } from './open-data-calendar';
import { SchoolCalendar } from './school-calendar';

const calendar = new SchoolCalendar(bundledCalendar());

const day = (
  date: string,
  kind: PlannedSlot['kind'] = 'face-to-face',
  start = '09:00',
  end = '12:00',
): PlannedSlot => ({
  date,
  start,
  end,
  kind,
});

function check(overrides: Partial<SessionCalendarInput>, on = calendar) {
  return checkSessionCalendar(
    {
      modality: 'face-to-face',
      distanceAsynchronousHours: 0,
      slots: [day('2026-01-13')],
      trainerCount: 2,
      zone: 'C',
      holidayRegion: null,
      ...overrides,
    },
    on,
  );
}

const codes = (report: { errors: { code: string }[] }) => report.errors.map((e) => e.code);

describe('calendar rules (seed 003)', () => {
  it('accepts a face-to-face day on a school Tuesday with two trainers, without warnings', () => {
    expect(check({})).toEqual({ errors: [], warnings: [] });
  });

  it('zone C: refuses a slot in the winter vacation of zone C (21 Feb -> 9 Mar 2026) that zone A has ended', () => {
    const inC = check({ zone: 'C', slots: [day('2026-02-23')] });
    expect(codes(inC)).toEqual(['slot_in_school_vacation']);
    expect(inC.errors[0]).toMatchObject({ field: 'slots[0].date' });
    expect(inC.errors[0].message).toContain("Vacances d'Hiver");
    expect(check({ zone: 'A', slots: [day('2026-02-23')] }).errors).toEqual([]);
  });

  it('the vacation starts after the last class day and ends the morning of the resume day', () => {
    expect(check({ zone: 'C', slots: [day('2026-02-20')] }).errors).toEqual([]); // Friday, last class day
    expect(codes(check({ zone: 'C', slots: [day('2026-03-06')] }))).toEqual(['slot_in_school_vacation']);
    expect(check({ zone: 'C', slots: [day('2026-03-09')] }).errors).toEqual([]); // resume day
  });

  it('Guyane: 10 June (abolition of slavery) is a public holiday there, not in Paris', () => {
    const guyane = check({ zone: 'guyane', holidayRegion: 'GF', slots: [day('2026-06-10')] });
    expect(codes(guyane)).toEqual(['slot_on_public_holiday']);
    expect(guyane.errors[0].message).toMatch(/esclavage/);
    expect(check({ zone: 'C', holidayRegion: null, slots: [day('2026-06-10')] }).errors).toEqual([]);
  });

  it('Guyane: without an imported calendar the vacations are unknown, which is a warning', () => {
    const report = check({ zone: 'guyane', holidayRegion: 'GF', slots: [day('2026-03-10')] });
    expect(report.errors).toEqual([]);
    expect(report.warnings.map((w) => w.code)).toEqual(['school_calendar_unknown']);
  });

  it('Alsace-Moselle has Good Friday (3 April 2026); the rest of France works that day', () => {
    expect(codes(check({ zone: 'B', holidayRegion: '67', slots: [day('2026-04-03')] }))).toEqual([
      'slot_on_public_holiday',
    ]);
    expect(check({ zone: 'C', holidayRegion: null, slots: [day('2026-04-03')] }).errors).toEqual([]);
  });

  it('refuses weekends and national holidays (Ascension, 14 May 2026)', () => {
    expect(codes(check({ slots: [day('2026-01-10')] }))).toEqual(['slot_on_weekend']);
    expect(codes(check({ slots: [day('2026-05-14')] }))).toEqual(['slot_on_public_holiday']);
    expect(codes(check({ slots: [day('2026-05-15')] }))).toEqual(['slot_in_school_vacation']); // Ascension bridge
  });

  it('refuses a slot that ends before it starts', () => {
    const report = check({ slots: [day('2026-01-13', 'face-to-face', '14:00', '10:00')] });
    expect(report.errors).toEqual([expect.objectContaining({ code: 'slot_end_before_start', field: 'slots[0].end' })]);
  });

  it('virtual classes on working hours only (08:00-18:00)', () => {
    const evening = check({ modality: 'hybrid', slots: [day('2026-01-13', 'virtual-class', '18:30', '19:30')] });
    expect(codes(evening)).toEqual(['virtual_class_outside_working_hours']);
    expect(check({ modality: 'hybrid', slots: [day('2026-01-13', 'virtual-class', '16:00', '18:00')] }).errors).toEqual(
      [],
    );
  });

  it('a distance or hybrid training does not start on the eve of a weekend or a public holiday', () => {
    const friday = check({ modality: 'hybrid', slots: [day('2026-01-16'), day('2026-01-20')] });
    expect(codes(friday)).toEqual(['start_on_eve_of_break']);
    expect(friday.errors[0].message).toContain('week-end');
    const eveOfAscension = check({
      modality: 'distance',
      slots: [day('2026-05-13', 'virtual-class', '09:00', '10:00')],
    });
    expect(codes(eveOfAscension)).toEqual(['start_on_eve_of_break']);
    expect(eveOfAscension.errors[0].message).toContain('Ascension');
    // a one-day face-to-face training on a Friday is fine
    expect(check({ modality: 'face-to-face', slots: [day('2026-01-16')] }).errors).toEqual([]);
  });

  it('a distance training does not start on the eve of school vacations (from an imported calendar)', () => {
    const imported = new SchoolCalendar(
      parseOpenDataCalendar(
        [
          'Description;Population;Date de début;Date de fin;Académies;Zones;annee_scolaire',
          'Vacances de Carnaval;Élèves;2026-02-10T03:00:00+00:00;2026-02-19T03:00:00+00:00;Guyane;Guyane;2025-2026',
        ].join('\n'),
      ),
    );
    const report = check(
      {
        modality: 'distance',
        zone: 'guyane',
        holidayRegion: 'GF',
        slots: [day('2026-02-10', 'virtual-class', '09:00', '10:00')],
      },
      imported,
    );
    expect(codes(report)).toEqual(['start_on_eve_of_break']);
    expect(report.errors[0].message).toContain('Carnaval');
    expect(report.warnings).toEqual([]);
  });

  it('distance work stays within 2 h a week: 6 h asynchronous over one week is refused, over four weeks accepted', () => {
    const oneWeek = check({
      modality: 'distance',
      distanceAsynchronousHours: 6,
      slots: [day('2026-01-13', 'virtual-class', '14:00', '15:00')],
    });
    expect(codes(oneWeek)).toEqual(['distance_weekly_load_exceeded']);
    expect(oneWeek.errors[0].message).toMatch(/au moins 4 semaines/);
    const longClass = check({ modality: 'distance', slots: [day('2026-01-13', 'virtual-class', '09:00', '11:30')] });
    expect(longClass.errors[0]).toMatchObject({ code: 'distance_weekly_load_exceeded', field: 'slots' });
    const threeWeeks = check({
      modality: 'distance',
      distanceAsynchronousHours: 6,
      slots: [day('2026-01-13', 'virtual-class', '14:00', '15:00')],
      distanceEndsOn: '2026-01-30',
    });
    expect(codes(threeWeeks)).toEqual(['distance_weekly_load_exceeded']); // 1 + 2 + 2 h free for 6 h
    const fourWeeks = check({
      modality: 'distance',
      distanceAsynchronousHours: 6,
      slots: [day('2026-01-13', 'virtual-class', '14:00', '15:00')],
      distanceEndsOn: '2026-02-06',
    });
    expect(fourWeeks.errors).toEqual([]);
  });

  it('vacation weeks carry no distance work: 6 h from mid-December to 9 January (zone C) is only 2 working weeks', () => {
    const overChristmas = check({
      modality: 'distance',
      distanceAsynchronousHours: 6,
      slots: [day('2025-12-16', 'virtual-class', '09:00', '09:30')],
      distanceEndsOn: '2026-01-09',
    });
    expect(codes(overChristmas)).toEqual(['distance_weekly_load_exceeded']);
    expect(overChristmas.errors[0].field).toBe('distanceEndsOn');
  });

  it('warns, without refusing, when a session has fewer than two trainers', () => {
    const report = check({ trainerCount: 1 });
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([expect.objectContaining({ code: 'fewer_than_two_trainers', field: 'trainers' })]);
  });
});

describe('open-data calendar import', () => {
  it('reads the bundled snapshot: zone C spring 2026 and the 2026-2027 Christmas break', () => {
    const periods = bundledCalendar();
    expect(periods).toContainEqual({
      zone: 'C',
      description: 'Vacances de Printemps',
      schoolYear: '2025-2026',
      lastClassDay: '2026-04-18',
      resumeDay: '2026-05-04',
    });
    expect(calendar.covers('C', '2026-12-01')).toBe(true);
    expect(calendar.covers('guyane', '2026-12-01')).toBe(false);
  });

  it('turns open-data timestamps into local dates of the zone and ignores teachers-only rows', () => {
    const periods = parseOpenDataCalendar(
      [
        'description,population,start_date,end_date,location,zones,annee_scolaire',
        'Vacances de la Toussaint,-,2025-10-17T22:00:00+00:00,2025-11-02T23:00:00+00:00,Paris,Zone C,2025-2026',
        'Vacances de la Toussaint,-,2025-10-17T22:00:00+00:00,2025-11-02T23:00:00+00:00,Créteil,Zone C,2025-2026',
        'Rentrée scolaire des enseignants,Enseignants,2025-08-31T22:00:00+00:00,2025-09-01T22:00:00+00:00,Paris,Zone C,2025-2026',
      ].join('\n'),
    );
    expect(periods).toEqual([
      {
        zone: 'C',
        description: 'Vacances de la Toussaint',
        schoolYear: '2025-2026',
        lastClassDay: '2025-10-18',
        resumeDay: '2025-11-03',
      },
    ]);
  });

  it('names the line and the field of a bad row', () => {
    expect(() =>
      parseOpenDataCalendar(
        'Description;Population;Date de début;Date de fin;Académies;Zones;annee_scolaire\nNoël;-;2025-12-20;2026-01-05;;Zone Z;2025-2026',
      ),
    ).toThrow(/ligne 2 : zone inconnue « Zone Z »/);
    expect(() => parseOpenDataCalendar('Nom;Date\nx;y')).toThrow(/colonne manquante/);
  });
});
