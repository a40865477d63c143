// What the people routes answer: the rows their queries read, typed once (the OpenAPI answers are generated from
// these types, and the e2e tests check every answer against them).

export interface FieldSource {
  source: string;
  at: string;
}

/** Who a person is and where they work, as a registration or a person's profile shows them. */
export interface PersonIdentity {
  mail: string;
  lastName: string;
  firstName: string;
  function: string | null;
  grade: string | null;
  uai: string | null;
}

/** A person as the API shows them: identity, place, version, and where each field came from. */
export interface PersonView extends PersonIdentity {
  id: string;
  profile: string | null;
  version: number;
  /** Each field's source (the import or request that wrote it: GAIA, Mailexport, a form...) and when. */
  fieldSources: Record<string, FieldSource>;
  createdAt: Date;
  updatedAt: Date;
}

/** One change of a person: its version, the fields changed, from which source, by whom. */
export interface PersonChange {
  version: number;
  changes: Record<string, unknown>;
  source: string;
  actor: string;
  changedAt: Date;
}

export interface PersonRegistration {
  id: string;
  sessionId: string;
  moduleId: string;
  kind: string;
  state: string;
}

export interface PersonCompletion {
  moduleId: string;
  sessionId: string;
  completedAt: Date;
}

/** A person's profile: the person, their history, their registrations in the caller's académie, their completions. */
export interface PersonProfile extends PersonView {
  history: PersonChange[];
  registrations: PersonRegistration[];
  completions: PersonCompletion[];
}

/** A registration as the RGPD export gives it, with its transitions. */
export interface ExportedRegistration extends PersonRegistration {
  academy: string;
  createdAt: Date;
  transitions: { from: string | null; to: string; reason: string | null; at: string }[] | null;
}

/** Everything enrolment holds of a person (RGPD export). */
export interface PersonalDataExport {
  exportedAt: string;
  service: 'enrolment';
  person: Omit<PersonView, 'version'> & { erasedAt: Date | null };
  history: Omit<PersonChange, 'actor'>[];
  registrations: ExportedRegistration[];
  completions: PersonCompletion[];
}

/** A person erased: pseudonymised here, and what is kept (attendance and payment, by law). */
export interface PersonErasure {
  id: string;
  erased: true;
  kept: string[];
}

/** A read of a person's data by an administrator. */
export interface PersonalDataAccess {
  actor: string;
  roles: string[];
  academy: string;
  purpose: string;
  at: Date;
}
