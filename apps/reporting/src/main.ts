import 'reflect-metadata';
import { runService } from '@forma/platform';
import { REPORTING_APP, ReportingModule } from './reporting.module';

void runService(ReportingModule, REPORTING_APP);
