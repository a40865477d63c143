import 'reflect-metadata';
import { runService } from '@forma/http';
import { REMUNERATION_APP, RemunerationModule } from './remuneration.module';

void runService(RemunerationModule, REMUNERATION_APP);
