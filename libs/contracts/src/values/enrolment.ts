/** Individual: the person asked (GAIA "vœu"); designated: a school head or an IEN designated them; imported: a file. */
export const REGISTRATION_KINDS = ['individual', 'designated', 'imported'] as const;
export type RegistrationKind = (typeof REGISTRATION_KINDS)[number];

/** requested -> confirmed | waitlisted; waitlisted -> confirmed (promotion); any -> cancelled. */
export const REGISTRATION_STATES = ['requested', 'confirmed', 'waitlisted', 'cancelled'] as const;
export type RegistrationState = (typeof REGISTRATION_STATES)[number];

/** Why a registration was cancelled: machine-readable, the French text travels beside it. */
export const CANCELLATION_REASONS = ['withdrawn', 'refused', 'session_cancelled', 'duplicate', 'other'] as const;
export type CancellationReason = (typeof CANCELLATION_REASONS)[number];

/** Staff as GAIA knows them: the GAIA function code (ENS, DIR, IEN, CPC...) and grade ("P ECOLE CN"). */
export const MAIL_MAX_LENGTH = 254;
