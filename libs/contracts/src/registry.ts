import { EventDefinition } from './event-definition';
import { ModulePublished } from './catalog/module-published.event';

/** Every event the platform knows, every version. Consumers validate what they receive against this list. */
export const EVENT_DEFINITIONS: readonly EventDefinition[] = [ModulePublished];

