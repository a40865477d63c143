import 'reflect-metadata';
import { runService } from '@forma/platform';
import { ATTENDANCE_APP, AttendanceModule } from './attendance.module';

void runService(AttendanceModule, ATTENDANCE_APP);
