import { Enrolment1764000002000 } from './1764000002000-enrolment';

/** Enrolment's migrations, in order. */
export const ENROLMENT_MIGRATIONS = [Enrolment1764000002000];
