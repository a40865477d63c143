import { CreateReceivedEventAndOffer1764000005000 } from './1764000005000-create-received-event-and-offer';
import { ReportingProjections1764000005100 } from './1764000005100-projections';
import { ParticipationRollups1764000005200 } from './1764000005200-participation-rollups';
import { TrainingPlan1764000005300 } from './1764000005300-training-plan';
import { ExportJobs1764000005400 } from './1764000005400-export-jobs';
import { CanopeDt1764000005500 } from './1764000005500-canope-dt';
import { ParticipationBySchoolProfile1764000005600 } from './1764000005600-participation-by-school-profile';
import { ExportJobPeriod1764000005700 } from './1764000005700-export-job-period';
import { IdleTransactionLimit1764000005800 } from './1764000005800-idle-transaction-limit';
import { AreaNames1764000005900 } from './1764000005900-area-names';
import { CubeVersion1764000006000 } from './1764000006000-cube-version';
import { BiPendingSessions1764000006100 } from './1764000006100-bi-pending-sessions';
import { ExportJobClaims1764000006200 } from './1764000006200-export-job-claims';

export const REPORTING_MIGRATIONS = [
  CreateReceivedEventAndOffer1764000005000,
  ReportingProjections1764000005100,
  ParticipationRollups1764000005200,
  TrainingPlan1764000005300,
  ExportJobs1764000005400,
  CanopeDt1764000005500,
  ParticipationBySchoolProfile1764000005600,
  ExportJobPeriod1764000005700,
  IdleTransactionLimit1764000005800,
  AreaNames1764000005900,
  CubeVersion1764000006000,
  BiPendingSessions1764000006100,
  ExportJobClaims1764000006200,
];
