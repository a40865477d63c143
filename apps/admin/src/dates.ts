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
