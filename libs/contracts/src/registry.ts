import { EventDefinition } from './event-definition';
import { ModulePublished } from './catalog/module-published.event';
import { ModuleArchived, ModuleRevised } from './catalog/module-revised.event';
import { OpeningRequestDecided } from './catalog/request.events';
import { SessionCancelled, SessionDelivered, SessionRescheduled, SessionScheduled } from './catalog/session.events';

/** What the catalog publishes. */
export const CATALOG_EVENTS: readonly EventDefinition[] = [
  ModulePublished,
  ModuleRevised,
  ModuleArchived,
  SessionScheduled,
  SessionRescheduled,
  SessionCancelled,
  SessionDelivered,
  OpeningRequestDecided,
];

/** Every event the platform knows, every version. Consumers validate what they receive against this list. */
export const EVENT_DEFINITIONS: readonly EventDefinition[] = [...CATALOG_EVENTS];
