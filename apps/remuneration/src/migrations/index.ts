import { Remuneration1764000004000 } from './1764000004000-remuneration';
import { DeliveredHoursAcademy1764000004100 } from './1764000004100-delivered-hours-academy';

/** Remuneration's migrations, in order. */
export const REMUNERATION_MIGRATIONS = [Remuneration1764000004000, DeliveredHoursAcademy1764000004100];
