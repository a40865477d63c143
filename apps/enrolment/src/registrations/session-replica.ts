/** The local replica of a catalog session, as enrolment needs it (from the catalog's session events). */
export interface SessionReplica {
  sessionId: string;
  moduleId: string;
  academy: string;
  capacity: number;
  status: string;
  gaiaSessionId: number | null;
  slots: { date: string; start: string; end: string; kind: string }[];
  placeUai: string | null;
  groupNumber: string;
  /** Mails of the trainers named on the session: who runs it. */
  trainerMails: string[];
}

/** The local replica of a catalog module (from the catalog's module events). */
export interface ModuleReplica {
  moduleId: string;
  title: string;
  archived: boolean;
  prerequisiteModuleIds: string[];
  themes: string[];
  totalHours: number;
}

export interface SeatCount {
  confirmed: number;
  waitlisted: number;
}

declare const rowLocked: unique symbol;

/**
 * A session whose replica row is locked (`FOR UPDATE`) in the current transaction, with its seats counted inside that
 * lock. Only `RegistrationRepository.lockSessions` makes one (the lint refuses `as LockedSession` anywhere else), so
 * seat arithmetic cannot run on counts a concurrent transaction could change.
 */
export type LockedSession = Readonly<SessionReplica> & {
  readonly seats: Readonly<SeatCount>;
  readonly [rowLocked]: true;
};
