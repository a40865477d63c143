import { CreateReceivedEventAndOffer1764000005000 } from './1764000005000-create-received-event-and-offer';
import { ReportingProjections1764000005100 } from './1764000005100-projections';

export const REPORTING_MIGRATIONS = [CreateReceivedEventAndOffer1764000005000, ReportingProjections1764000005100];
