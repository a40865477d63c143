import { CreateReceivedEventAndOffer1764000005000 } from './1764000005000-create-received-event-and-offer';

export const REPORTING_MIGRATIONS = [CreateReceivedEventAndOffer1764000005000];
