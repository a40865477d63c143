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
