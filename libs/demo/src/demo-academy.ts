// The demo académie (issue 25): a fictitious académie's places, people, offer and school year, as plain data. Every
// name, mail and school is made up, and says so; the scenario (demo-run.ts) drives the platform with it and the
// expectations (demo-expectations.ts) are computed from it alone.
import { uaiCheckLetter } from '@forma/contracts';
import { schoolYearOf } from '@forma/domain';

export interface DemoSchool {
  uai: string;
  name: string;
  department: string;
  district: string;
}

export interface DemoPerson {
  mail: string;
  lastName: string;
  firstName: string;
  function: 'ENS';
  grade: string;
  uai: string;
}

export interface DemoTrainer {
  name: string;
  mail: string;
}

/** How one person's day went, half-day by half-day (a one-slot morning session has only `morning`). */
export interface DemoAttendance {
  morning: 'present' | 'absent';
  afternoon?: 'present' | 'absent' | 'late';
  /** A mark first taken wrong (absent) and corrected, with its reason, to what is above. */
  corrected?: boolean;
}

export interface DemoSessionPlan {
  key: 'ent-14' | 'ent-50' | 'canoprof' | 'ent-later';
  module: 'ent' | 'canoprof';
  /** Whole day (two half-days, 6 h) or a morning (3 h). */
  day: 'whole' | 'morning';
  /** Where it takes place: the school hosting it. */
  host: string;
  trainer: DemoTrainer;
  /** How its participants come: registered one by one (designated), or a Mailexport file. */
  registrations: 'designated' | 'mailexport';
  /** Its participants (by index in `people`), with how each attended. None for a session still to come. */
  participants: { person: number; attendance: DemoAttendance }[];
  /** How many of its participants answer the anonymous evaluation. */
  evaluations: number;
  /** Delivered this year, or still to come. */
  delivered: boolean;
}

export interface DemoModule {
  title: string;
  shortTitle: string;
  faceToFaceHours: number;
  maxParticipantsPerSession: number;
  /** The training plan's forecast for the year: teachers to train, sessions, trainers. */
  forecast: { headcount: number; sessions: number; trainers: number };
}

export const DEMO_MODULES: Record<DemoSessionPlan['module'], DemoModule> = {
  ent: {
    title: 'ENT — premiers pas dans l’espace numérique de travail (démo)',
    shortTitle: 'ENT premiers pas',
    faceToFaceHours: 6,
    maxParticipantsPerSession: 30,
    forecast: { headcount: 60, sessions: 3, trainers: 2 },
  },
  canoprof: {
    title: 'Canoprof — module M1 « starter » (démo)',
    shortTitle: 'Canoprof M1',
    faceToFaceHours: 3,
    maxParticipantsPerSession: 12,
    forecast: { headcount: 12, sessions: 1, trainers: 1 },
  },
};

export interface DemoAcademy {
  academy: string;
  schoolYear: string;
  departments: { code: string; name: string }[];
  districts: { code: string; name: string; department: string }[];
  schools: DemoSchool[];
  canopeDt: { code: string; name: string };
  trainers: DemoTrainer[];
  people: DemoPerson[];
  sessions: DemoSessionPlan[];
  /** Participants whose completion is revoked after it is recorded (by index in `people`). */
  revokedCompletion: number;
  /** A GAIA participants extract's lines that cannot be read (the others are this session's designated people). */
  rejectedMailexportLines: string[];
}

const FIRST_NAMES = ['Camille', 'Dominique', 'Claude', 'Alix', 'Sacha', 'Morgan', 'Noa', 'Lou', 'Eden', 'Charlie'];

const uai = (digits: string) => `${digits}${uaiCheckLetter(digits)}`;

/**
 * The académie `academy` (a real code, for its school calendar; everything in it fictitious) over `schoolYear`:
 * two départements, four districts, eight schools of ten teachers each, three trainers, a Canopé DT; two whole-day
 * ENT sessions (one per département), a Canoprof morning filled from a Mailexport file, and one ENT session to come.
 */
export function demoAcademy(academy: string, schoolYear: string): DemoAcademy {
  const departments = [
    { code: '14', name: 'Département fictif du Littoral (démo)' },
    { code: '50', name: 'Département fictif du Bocage (démo)' },
  ];
  const districts = [
    { code: `${academy}-14-nord`, name: 'Circonscription fictive Littoral-Nord (démo)', department: '14' },
    { code: `${academy}-14-sud`, name: 'Circonscription fictive Littoral-Sud (démo)', department: '14' },
    { code: `${academy}-50-nord`, name: 'Circonscription fictive Bocage-Nord (démo)', department: '50' },
    { code: `${academy}-50-sud`, name: 'Circonscription fictive Bocage-Sud (démo)', department: '50' },
  ];
  const schools: DemoSchool[] = districts.flatMap((d, i) =>
    [1, 2].map((n) => ({
      uai: uai(`0${d.department}99${i}${n}`),
      name: `École fictive n° ${i * 2 + n} (démo)`,
      department: d.department,
      district: d.code,
    })),
  );
  const people: DemoPerson[] = schools.flatMap((s, si) =>
    Array.from({ length: 10 }, (_, i) => {
      const n = si * 10 + i + 1;
      return {
        mail: `demo.personne${n}@ac-demo.example`,
        lastName: `FICTIF-${n}`,
        firstName: FIRST_NAMES[i],
        function: 'ENS' as const,
        grade: 'P ECOLE CN',
        uai: s.uai,
      };
    }),
  );
  const trainers: DemoTrainer[] = [
    { name: 'Alix Formatrice (démo)', mail: 'demo.formatrice.alix@ac-demo.example' },
    { name: 'Sacha Formateur (démo)', mail: 'demo.formateur.sacha@ac-demo.example' },
    { name: 'Lou Animatrice Canopé (démo)', mail: 'demo.animatrice.lou@ac-demo.example' },
  ];
  // the département 14's first 24 teachers, the département 50's first 20, and 10 more of 50 for Canoprof
  const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);
  const whole = (person: number, i: number): { person: number; attendance: DemoAttendance } => ({
    person,
    attendance:
      i % 8 === 3
        ? { morning: 'present', afternoon: 'absent' }
        : i % 8 === 5
          ? { morning: 'present', afternoon: 'late' }
          : i === 1
            ? { morning: 'present', afternoon: 'present', corrected: true }
            : i === 10
              ? { morning: 'absent', afternoon: 'absent' }
              : { morning: 'present', afternoon: 'present' },
  });
  const sessions: DemoSessionPlan[] = [
    {
      key: 'ent-14',
      module: 'ent',
      day: 'whole',
      host: schools[0].uai,
      trainer: trainers[0],
      registrations: 'designated',
      participants: range(0, 24).map(whole),
      evaluations: 9,
      delivered: true,
    },
    {
      key: 'ent-50',
      module: 'ent',
      day: 'whole',
      host: schools[4].uai,
      trainer: trainers[1],
      registrations: 'designated',
      participants: range(40, 20).map(whole),
      evaluations: 7,
      delivered: true,
    },
    {
      key: 'canoprof',
      module: 'canoprof',
      day: 'morning',
      host: schools[6].uai,
      trainer: trainers[2],
      registrations: 'mailexport',
      participants: range(60, 10).map((person, i) => ({
        person,
        attendance: { morning: i === 4 ? 'absent' : 'present' },
      })),
      evaluations: 3,
      delivered: true,
    },
    {
      key: 'ent-later',
      module: 'ent',
      day: 'whole',
      host: schools[2].uai,
      trainer: trainers[0],
      registrations: 'designated',
      participants: [],
      evaluations: 0,
      delivered: false,
    },
  ];
  return {
    academy,
    schoolYear,
    departments,
    districts,
    schools,
    canopeDt: { code: `dt-${academy}-demo`, name: 'Direction territoriale Canopé fictive (démo)' },
    trainers,
    people,
    sessions,
    revokedCompletion: 2,
    rejectedMailexportLines: ['SANSMAIL Paul;pas-un-mail;ENS;P ECOLE CN', ';nom.absent@ac-demo.example;ENS;P ECOLE CN'],
  };
}

/** Whether a participant completed: present at every half-day (a late arrival counts as present). */
export function attendedWhole(a: DemoAttendance): boolean {
  return a.morning === 'present' && (a.afternoon === undefined || a.afternoon !== 'absent');
}

export const addDays = (day: string, n: number): string =>
  new Date(Date.parse(`${day}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * When the demo's year happens, from the platform's day: its delivered sessions in the seven weeks before `today` (the
 * planner skips holidays and weekends), the one to come in the eight weeks after. Early in a school year, when seven
 * weeks back would cross its start, the demo lives the year before, its sessions in May and June.
 */
export function demoCalendar(today: string): {
  schoolYear: string;
  delivered: { from: string; to: string };
  later: { from: string; to: string };
} {
  const delivered = { from: addDays(today, -49), to: addDays(today, -3) };
  if (schoolYearOf(delivered.from) === schoolYearOf(today))
    return { schoolYear: schoolYearOf(today), delivered, later: { from: addDays(today, 7), to: addDays(today, 56) } };
  const endYear = Number(schoolYearOf(today).slice(0, 4));
  return {
    schoolYear: schoolYearOf(`${endYear}-06-01`),
    delivered: { from: `${endYear}-05-04`, to: `${endYear}-06-19` },
    later: { from: addDays(today, 7), to: addDays(today, 56) },
  };
}
