// Dates as French readers write them: « mardi 12 janvier 2027 ».
const DAY = new Intl.DateTimeFormat('fr-FR', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** A calendar day (AAAA-MM-JJ) in French. */
export function frenchDay(day: string): string {
  return DAY.format(new Date(`${day}T00:00:00Z`));
}

const MOMENT = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' });

/** An instant (ISO 8601) as Paris reads it: « 12 janvier 2027 à 09:14 ». */
export function frenchMoment(instant: string): string {
  return MOMENT.format(new Date(instant));
}
