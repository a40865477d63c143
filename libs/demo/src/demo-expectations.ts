// What the demo académie's bilan must say, computed from the demo's own data (demo-academy.ts) and nothing else: the
// demo waits for reporting to say it before writing the bilan files, and the end-to-end test asserts it.
import { attendedWhole, DemoAcademy, DemoAttendance, DEMO_MODULES } from './demo-academy';

export interface DemoBilanExpectations {
  sessions: { planned: number; delivered: number; cancelled: number; faceToFaceHours: string };
  /** Face-to-face: people marked, hours attended, half-days present over half-days marked (3 decimals). */
  faceToFace: { people: number; attendedHours: string; attendanceRate: number };
  /** Every participant is a teacher (ENS): the académie's total is theirs. */
  participants: number;
  completions: number;
  attestations: number;
  /** Answers to the anonymous evaluations of the ENT module's sessions (each has five or more). */
  entModuleAnswers: number;
  /** A session under five answers: the académie's answers are withheld with it (secondary). */
  academyAnswersWithheld: boolean;
  hse: { conventions: number; signed: number; serviceFait: number; paid: number };
  /** Plan versus realised, per module title: the forecast headcount. */
  plan: { module: string; forecastHeadcount: number }[];
}

const HALF_DAY_MINUTES = 180;
const LATE_MINUTES = 120;

function halfDays(a: DemoAttendance): { marked: number; present: number; minutes: number } {
  const parts = [a.morning, ...(a.afternoon === undefined ? [] : [a.afternoon])];
  const present = parts.filter((p) => p !== 'absent');
  return {
    marked: parts.length,
    present: present.length,
    minutes: present.reduce((sum, p) => sum + (p === 'late' ? LATE_MINUTES : HALF_DAY_MINUTES), 0),
  };
}

export function demoBilanExpectations(a: DemoAcademy): DemoBilanExpectations {
  const delivered = a.sessions.filter((s) => s.delivered);
  const attended = delivered.flatMap((s) => s.participants.map((p) => halfDays(p.attendance)));
  const sum = (values: number[]) => values.reduce((total, v) => total + v, 0);
  const completions =
    sum(delivered.map((s) => s.participants.filter((p) => attendedWhole(p.attendance)).length)) -
    (delivered.some((s) => s.participants.some((p) => p.person === a.revokedCompletion)) ? 1 : 0);
  return {
    sessions: {
      planned: a.sessions.length - delivered.length,
      delivered: delivered.length,
      cancelled: 0,
      // a whole day's slot runs 09:00-16:00, a morning's 09:00-12:00 (demo-run.ts)
      faceToFaceHours: sum(delivered.map((s) => (s.day === 'whole' ? 7 : 3))).toFixed(2),
    },
    faceToFace: {
      people: sum(delivered.map((s) => s.participants.length)),
      attendedHours: (sum(attended.map((h) => h.minutes)) / 60).toFixed(2),
      attendanceRate:
        Math.round((sum(attended.map((h) => h.present)) / sum(attended.map((h) => h.marked))) * 1000) / 1000,
    },
    participants: new Set(a.sessions.flatMap((s) => s.participants.map((p) => p.person))).size,
    completions,
    attestations: completions,
    entModuleAnswers: sum(delivered.filter((s) => s.module === 'ent').map((s) => s.evaluations)),
    academyAnswersWithheld: delivered.some((s) => s.evaluations > 0 && s.evaluations < 5),
    hse: { conventions: 1, signed: 1, serviceFait: 1, paid: 1 },
    plan: Object.values(DEMO_MODULES)
      .map((m) => ({ module: m.title, forecastHeadcount: m.forecast.headcount }))
      .sort((x, y) => x.module.localeCompare(y.module)),
  };
}
