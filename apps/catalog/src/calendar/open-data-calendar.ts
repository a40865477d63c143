import type { CalendarZone } from '@forma/contracts';
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { VacationPeriod } from './school-calendar';

/**
 * Reads the ministry's open-data school calendar ("Calendrier scolaire", data.education.gouv.fr, dataset
 * fr-en-calendrier-scolaire) in its CSV export: `Description;Population;Date de début;Date de fin;Académies;Zones;
 * annee_scolaire`, one row per period and académie. The API's field names (description, population, start_date,
 * end_date, location, zones, annee_scolaire) are accepted as headers too.
 */
const COLUMNS: Record<string, keyof RawRow> = {
  description: 'description',
  population: 'population',
  'date de début': 'start',
  'date de debut': 'start',
  start_date: 'start',
  'date de fin': 'end',
  end_date: 'end',
  académies: 'location',
  academies: 'location',
  location: 'location',
  zones: 'zones',
  annee_scolaire: 'schoolYear',
  'année scolaire': 'schoolYear',
};

interface RawRow {
  description: string;
  population: string;
  start: string;
  end: string;
  location: string;
  zones: string;
  schoolYear: string;
}

const ZONE_NAMES: Record<string, CalendarZone> = {
  'zone a': 'A',
  'zone b': 'B',
  'zone c': 'C',
  corse: 'corse',
  guadeloupe: 'guadeloupe',
  guyane: 'guyane',
  martinique: 'martinique',
  mayotte: 'mayotte',
  'la réunion': 'reunion',
  reunion: 'reunion',
  réunion: 'reunion',
  'nouvelle calédonie': 'nouvelle-caledonie',
  'nouvelle-calédonie': 'nouvelle-caledonie',
  polynésie: 'polynesie',
  'saint pierre et miquelon': 'saint-pierre-et-miquelon',
  'saint-pierre-et-miquelon': 'saint-pierre-et-miquelon',
  'wallis et futuna': 'wallis-et-futuna',
};

const TIME_ZONES: Partial<Record<CalendarZone, string>> = {
  guadeloupe: 'America/Guadeloupe',
  guyane: 'America/Cayenne',
  martinique: 'America/Martinique',
  mayotte: 'Indian/Mayotte',
  reunion: 'Indian/Reunion',
  'nouvelle-caledonie': 'Pacific/Noumea',
  polynesie: 'Pacific/Tahiti',
  'saint-pierre-et-miquelon': 'America/Miquelon',
  'wallis-et-futuna': 'Pacific/Wallis',
};

export class CalendarFileError extends Error {
  constructor(
    message: string,
    readonly line?: number,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** The local calendar date of an open-data timestamp (`2025-10-17T22:00:00+00:00` is 18 October in Paris). */
function localDate(value: string, zone: CalendarZone): string | undefined {
  const trimmed = value.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) return trimmed;
  const instant = Date.parse(trimmed);
  if (Number.isNaN(instant)) return undefined;
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONES[zone] ?? 'Europe/Paris' }).format(instant);
}

export function parseOpenDataCalendar(content: string): VacationPeriod[] {
  let records: string[][];
  try {
    records = parse(content.replace(/^\uFEFF/, ''), {
      delimiter: [';', ','],
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as string[][];
  } catch (error) {
    throw new CalendarFileError(`fichier illisible : ${(error as Error).message}`);
  }
  const [header, ...rows] = records;
  if (!header) throw new CalendarFileError('fichier vide');
  const positions = new Map<keyof RawRow, number>();
  header.forEach((name, index) => {
    const column = COLUMNS[name.toLowerCase()];
    if (column) positions.set(column, index);
  });
  for (const required of ['description', 'start', 'end', 'zones', 'schoolYear'] as const) {
    if (!positions.has(required)) {
      throw new CalendarFileError(
        `colonne manquante : ${required} (format « Calendrier scolaire » attendu)`,
        1,
        required,
      );
    }
  }
  const periods = new Map<string, VacationPeriod>();
  rows.forEach((row, index) => {
    const line = index + 2;
    const cell = (column: keyof RawRow) => row[positions.get(column) ?? -1]?.trim() ?? '';
    const population = cell('population').toLowerCase();
    if (population.startsWith('enseignant')) return; // teachers-only rows (pré-rentrée) are not vacations
    const zone = ZONE_NAMES[cell('zones').toLowerCase()];
    if (!zone) throw new CalendarFileError(`ligne ${line} : zone inconnue « ${cell('zones')} »`, line, 'zones');
    const schoolYear = cell('schoolYear');
    if (!/^\d{4}-\d{4}$/.test(schoolYear)) {
      throw new CalendarFileError(`ligne ${line} : année scolaire invalide « ${schoolYear} »`, line, 'annee_scolaire');
    }
    const lastClassDay = localDate(cell('start'), zone);
    if (!lastClassDay) throw new CalendarFileError(`ligne ${line} : date de début invalide`, line, 'start_date');
    const description = cell('description');
    // Summer rows sometimes come without an end: classes resume with the next school year, on 1 September at latest.
    const resumeDay = cell('end') ? localDate(cell('end'), zone) : `${schoolYear.slice(5)}-09-01`;
    if (!resumeDay) throw new CalendarFileError(`ligne ${line} : date de fin invalide`, line, 'end_date');
    if (resumeDay <= lastClassDay) {
      throw new CalendarFileError(`ligne ${line} : la reprise précède la fin des cours`, line, 'end_date');
    }
    const period: VacationPeriod = { zone, description, schoolYear, lastClassDay, resumeDay };
    periods.set(`${zone}|${description}|${lastClassDay}|${resumeDay}`, period);
  });
  return [...periods.values()];
}

/** The bundled snapshot (same open-data format), used for a zone and school year until an official file is imported. */
export function bundledCalendar(): VacationPeriod[] {
  return parseOpenDataCalendar(readFileSync(join(__dirname, 'snapshot', 'fr-en-calendrier-scolaire.csv'), 'utf8'));
}
