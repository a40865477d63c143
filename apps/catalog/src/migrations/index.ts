import { CreateTrainingModule1764000001000 } from './1764000001000-create-training-module';
import { CatalogOfferSessionsReference1764000001100 } from './1764000001100-catalog-offer-sessions-reference';
import { GaiaSourceTable1764000001200 } from './1764000001200-gaia-source-table';
import { TrainingPlan1764000001300 } from './1764000001300-training-plan';
import { RequestListIndex1764000001400 } from './1764000001400-request-list-index';

/** The catalog's migrations, in order. */
export const CATALOG_MIGRATIONS = [
  CreateTrainingModule1764000001000,
  CatalogOfferSessionsReference1764000001100,
  GaiaSourceTable1764000001200,
  TrainingPlan1764000001300,
  RequestListIndex1764000001400,
];
