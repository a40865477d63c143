/** The day (Paris time) of an instant, in SQL: every fact's state carries the day it began. */
export const parisDay = (param: number) => `((($${param})::timestamptz AT TIME ZONE 'Europe/Paris')::date)`;
