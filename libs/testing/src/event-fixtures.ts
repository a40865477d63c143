import { AttendanceRecordedV1 } from '@forma/contracts';

/** Who and where a mark is about: what each test or benchmark names itself. */
type MarkSubject = Pick<
  AttendanceRecordedV1,
  'markId' | 'registrationId' | 'participantId' | 'sessionId' | 'moduleId' | 'academy' | 'recordedAt'
>;

/**
 * A trainer's "present" mark for a whole face-to-face half-day of 180 minutes, first slot unless told: the mark the
 * tests and benchmarks of the projections publish, with whatever they change.
 */
export function presentMark(mark: MarkSubject & Partial<AttendanceRecordedV1>): AttendanceRecordedV1 {
  return {
    slotIndex: 0,
    part: 'whole',
    modality: 'face-to-face',
    status: 'present',
    minutes: 180,
    provenance: 'trainer',
    correctsMarkId: null,
    ...mark,
  };
}
