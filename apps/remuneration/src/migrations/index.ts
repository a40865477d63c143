import { Remuneration1764000004000 } from './1764000004000-remuneration';

/** Remuneration's migrations, in order. */
export const REMUNERATION_MIGRATIONS = [Remuneration1764000004000];
