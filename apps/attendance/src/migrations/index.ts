import { Attendance1764000003000 } from './1764000003000-attendance';
import { Evaluation1764000003100 } from './1764000003100-evaluation';
import { FeedbackReferents1764000003200 } from './1764000003200-feedback-referents';
import { AttestationRendering1764000003300 } from './1764000003300-attestation-rendering';
import { ESignatures1764000003400 } from './1764000003400-e-signatures';

/** Attendance's migrations, in order. */
export const ATTENDANCE_MIGRATIONS = [
  Attendance1764000003000,
  Evaluation1764000003100,
  FeedbackReferents1764000003200,
  AttestationRendering1764000003300,
  ESignatures1764000003400,
];
