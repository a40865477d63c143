import 'reflect-metadata';
import { runService } from '@forma/platform';
import { CATALOG_APP, CatalogModule } from './catalog.module';

void runService(CatalogModule, CATALOG_APP);
