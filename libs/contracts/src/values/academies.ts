import type { CalendarZone } from './session';

/**
 * The académies of France (reference data shared by the contexts: catalog's calendar zones and holidays, reporting's
 * labels). Their codes are the académies' scope codes.
 */
/** An académie: its calendar zone, the date-holidays region of its public holidays, and its time zone. */
export interface AcademyReference {
  code: string;
  name: string;
  zone: CalendarZone;
  /** date-holidays region for France (`GF`, `GP`, `67`, ...); null for the metropolitan defaults. */
  holidayRegion: string | null;
  timeZone: string;
}

const metro = (
  code: string,
  name: string,
  zone: CalendarZone,
  holidayRegion: string | null = null,
): AcademyReference => ({
  code,
  name,
  zone,
  holidayRegion,
  timeZone: 'Europe/Paris',
});

/** The académies and their zones since January 2016 (shared/domain/CALENDAR.md). */
export const ACADEMIES: readonly AcademyReference[] = [
  metro('besancon', 'Besançon', 'A'),
  metro('bordeaux', 'Bordeaux', 'A'),
  metro('clermont-ferrand', 'Clermont-Ferrand', 'A'),
  metro('dijon', 'Dijon', 'A'),
  metro('grenoble', 'Grenoble', 'A'),
  metro('limoges', 'Limoges', 'A'),
  metro('lyon', 'Lyon', 'A'),
  metro('poitiers', 'Poitiers', 'A'),
  metro('aix-marseille', 'Aix-Marseille', 'B'),
  metro('amiens', 'Amiens', 'B'),
  metro('lille', 'Lille', 'B'),
  metro('nancy-metz', 'Nancy-Metz', 'B'),
  metro('nantes', 'Nantes', 'B'),
  metro('nice', 'Nice', 'B'),
  metro('normandie', 'Normandie', 'B'),
  metro('orleans-tours', 'Orléans-Tours', 'B'),
  metro('reims', 'Reims', 'B'),
  metro('rennes', 'Rennes', 'B'),
  metro('strasbourg', 'Strasbourg', 'B', '67'),
  metro('creteil', 'Créteil', 'C'),
  metro('montpellier', 'Montpellier', 'C'),
  metro('paris', 'Paris', 'C'),
  metro('toulouse', 'Toulouse', 'C'),
  metro('versailles', 'Versailles', 'C'),
  metro('corse', 'Corse', 'corse'),
  { code: 'guadeloupe', name: 'Guadeloupe', zone: 'guadeloupe', holidayRegion: 'GP', timeZone: 'America/Guadeloupe' },
  { code: 'guyane', name: 'Guyane', zone: 'guyane', holidayRegion: 'GF', timeZone: 'America/Cayenne' },
  { code: 'martinique', name: 'Martinique', zone: 'martinique', holidayRegion: 'MQ', timeZone: 'America/Martinique' },
  { code: 'mayotte', name: 'Mayotte', zone: 'mayotte', holidayRegion: 'YT', timeZone: 'Indian/Mayotte' },
  { code: 'la-reunion', name: 'La Réunion', zone: 'reunion', holidayRegion: 'RE', timeZone: 'Indian/Reunion' },
];

/** An académie's name ("Guyane", "Aix-Marseille"), or undefined for a code that is not one. */
export function academyName(code: string): string | undefined {
  return ACADEMIES.find((a) => a.code === code)?.name;
}
