import 'reflect-metadata';
import { runService } from '@forma/platform';
import { ENROLMENT_APP, EnrolmentModule } from './enrolment.module';

void runService(EnrolmentModule, ENROLMENT_APP);
