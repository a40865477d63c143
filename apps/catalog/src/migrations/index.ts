import { CreateTrainingModule1764000001000 } from './1764000001000-create-training-module';
import { CatalogOfferSessionsReference1764000001100 } from './1764000001100-catalog-offer-sessions-reference';

/** The catalog's migrations, in order. */
export const CATALOG_MIGRATIONS = [CreateTrainingModule1764000001000, CatalogOfferSessionsReference1764000001100];
