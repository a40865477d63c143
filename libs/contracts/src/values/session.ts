/** How a slot of a session is held (seed 003: face-to-face days and virtual classes). */
export const SLOT_KINDS = ['face-to-face', 'virtual-class'] as const;
export type SlotKind = (typeof SLOT_KINDS)[number];

/** A session's life: planned, open for enrolment, full, delivered, cancelled. */
export const SESSION_STATUSES = ['planned', 'open', 'full', 'delivered', 'cancelled'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/** What a person does in a session: formateur (runs it) or tuteur (follows participants). */
export const TRAINER_ROLES = ['trainer', 'tutor'] as const;
export type TrainerRole = (typeof TRAINER_ROLES)[number];

/** School-calendar zones: the three metropolitan zones, Corse and the overseas académies that set their own dates. */
export const CALENDAR_ZONES = [
  'A',
  'B',
  'C',
  'corse',
  'guadeloupe',
  'guyane',
  'martinique',
  'mayotte',
  'reunion',
  'nouvelle-caledonie',
  'polynesie',
  'saint-pierre-et-miquelon',
  'wallis-et-futuna',
] as const;
export type CalendarZone = (typeof CALENDAR_ZONES)[number];

export const ISO_DATE_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
export const TIME_OF_DAY_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;
