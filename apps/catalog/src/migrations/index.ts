import { CreateTrainingModule1764000001000 } from './1764000001000-create-training-module';

/** The catalog's migrations, in order. */
export const CATALOG_MIGRATIONS = [CreateTrainingModule1764000001000];
