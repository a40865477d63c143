import { RuleViolation } from '@forma/domain';

/** The calendar capability's refusals: one code, one message each. */
export const unknownAcademy = (academy: string) =>
  new RuleViolation('invalid', 'unknown_academy', `Académie inconnue : ${academy}.`);

export const invalidRange = () =>
  RuleViolation.onField(
    'bad_request',
    'invalid_range',
    'La période doit aller de from à to, sur 400 jours au plus.',
    'to',
    'to : après from, 400 jours au plus',
  );

export const invalidCalendarFile = (problem: string, field: string) =>
  new RuleViolation('invalid', 'invalid_calendar_file', `Calendrier refusé : ${problem}.`, [
    { field, rule: 'open-data-calendar', message: problem },
  ]);
