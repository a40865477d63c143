/**
 * Dates as French readers write them, one definition for the platform (issue 24: they were formatted three ways).
 * Days are `AAAA-MM-JJ` strings (or an ISO instant, whose day is taken as written).
 */
const MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];
const WEEKDAYS = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'];

const partsOf = (iso: string) => iso.slice(0, 10).split('-').map(Number) as [number, number, number];

/** 2027-03-16 -> 16 mars 2027 (1er for the first day of a month). */
export function frenchDate(iso: string): string {
  const [y, m, d] = partsOf(iso);
  return `${d === 1 ? '1er' : d} ${MONTHS[m - 1]} ${y}`;
}

/** 2027-03-16 -> mardi 16 mars 2027. */
export function frenchDayDate(iso: string): string {
  const [y, m, d] = partsOf(iso);
  return `${WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]} ${frenchDate(iso)}`;
}

/** 2027-03-16 -> 16/03/2027. */
export function shortDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

const PARIS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** An instant as the wall clock in France reads it (summer time included): its fields as numbers. */
export function parisClock(at: Date): {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
} {
  const parts = Object.fromEntries(PARIS.formatToParts(at).map((p) => [p.type, Number(p.value)]));
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour,
    minute: parts.minute,
    second: parts.second,
  };
}
