/** Attendance's vocabulary (issue 14): a mark's status, how the time was spent, where the mark comes from. */

/** present, partially present (with the real hours), absent, excused, not applicable (enrolled after the slot). */
export const PRESENCE_STATUSES = ['present', 'partial', 'absent', 'excused', 'not-applicable'] as const;
export type PresenceStatus = (typeof PRESENCE_STATUSES)[number];

/** Face-to-face, virtual class ("CV") and follow-up ("suivi") time are kept apart (seed 002). */
export const ATTENDANCE_MODALITIES = ['face-to-face', 'virtual-class', 'follow-up'] as const;
export type AttendanceModality = (typeof ATTENDANCE_MODALITIES)[number];

/**
 * Who says so: the trainer on the sheet, an import, a virtual-class report, or the participant's electronic signature
 * (issue 27: a drawn signature or the session's rotating code, its proof kept beside the mark).
 */
export const MARK_PROVENANCES = ['trainer', 'import', 'virtual-class-report', 'e-signature'] as const;
export type MarkProvenance = (typeof MARK_PROVENANCES)[number];
/** The provenances a mark may declare when it is typed: an electronic signature is only ever made by signing. */
export const DECLARED_PROVENANCES = ['trainer', 'import', 'virtual-class-report'] as const;

/** How a participant signed electronically: drawn on the trainer's device, or the rotating code scanned. */
export const SIGNATURE_METHODS = ['drawn', 'code'] as const;
export type SignatureMethod = (typeof SIGNATURE_METHODS)[number];

/** A day-long slot is marked per half-day; a shorter one as a whole. */
export const SLOT_PARTS = ['whole', 'morning', 'afternoon'] as const;
export type SlotPart = (typeof SLOT_PARTS)[number];

/** Hours as an exact decimal string with at most two decimals ("3", "2.5", "1.75"): never a float. */
export const DECIMAL_HOURS_PATTERN = /^\d{1,4}(\.\d{1,2})?$/;
