import 'reflect-metadata';
import { runService } from '@forma/platform';
import { REMUNERATION_APP, RemunerationModule } from './remuneration.module';

void runService(RemunerationModule, REMUNERATION_APP);
