import { Enrolment1764000002000 } from './1764000002000-enrolment';
import { BulkWrites1764000002100 } from './1764000002100-bulk-writes';
import { ImportJobHeartbeat1764000002200 } from './1764000002200-import-job-heartbeat';
import { ReplicaReach1764000002300 } from './1764000002300-replica-reach';
import { PersonFieldSources1764000002400 } from './1764000002400-person-field-sources';
import { PersonalData1764000002500 } from './1764000002500-personal-data';
import { WorkshopPlanOwner1764000002600 } from './1764000002600-workshop-plan-owner';

/** Enrolment's migrations, in order. */
export const ENROLMENT_MIGRATIONS = [
  Enrolment1764000002000,
  BulkWrites1764000002100,
  ImportJobHeartbeat1764000002200,
  ReplicaReach1764000002300,
  PersonFieldSources1764000002400,
  PersonalData1764000002500,
  WorkshopPlanOwner1764000002600,
];
