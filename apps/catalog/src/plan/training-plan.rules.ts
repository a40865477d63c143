import { RuleViolation, FieldViolation, frenchDate, schoolYearBounds } from '@forma/domain';
import { TARGET_PROFILE_LABELS, type TargetProfile, type TrainingPlanLineV1 } from '@forma/contracts';

/**
 * The ENT training plan of seed 001, as pure rules: a deployment wave lies inside its school year, and each of its
 * lines names a module of the académie's offer, for a profile that module targets, once, with forecasts that are
 * counts and an exact number of hours.
 */

export interface WaveDraft {
  schoolYear: string;
  startsOn: string;
  endsOn: string;
  lines: TrainingPlanLineV1[];
}

/** What the plan needs to know of a module it names. */
export interface PlannedModule {
  id: string;
  academy: string;
  status: string;
  targetProfiles: TargetProfile[];
}

const HOURS = /^\d{1,6}(\.\d{1,2})?$/;

/** Every fault of a wave, each naming its field (`lines[2].moduleId`); an empty list when the wave may be stored. */
export function waveViolations(
  wave: WaveDraft,
  modules: Map<string, PlannedModule>,
  academy: string,
): FieldViolation[] {
  const faults: FieldViolation[] = [];
  const fault = (field: string, rule: string, message: string) => faults.push({ field, rule, message });
  const year = schoolYearBounds(wave.schoolYear);
  if (!year)
    fault(
      'schoolYear',
      'school_year',
      `Année scolaire invalide : ${wave.schoolYear} (attendu AAAA-AAAA, années consécutives).`,
    );
  if (wave.startsOn > wave.endsOn)
    fault(
      'endsOn',
      'wave_dates',
      `La vague se termine le ${frenchDate(wave.endsOn)}, avant de commencer (le ${frenchDate(wave.startsOn)}).`,
    );
  if (year && (wave.startsOn < year.from || wave.endsOn > year.to)) {
    fault(
      'startsOn',
      'wave_outside_school_year',
      `La vague (du ${frenchDate(wave.startsOn)} au ${frenchDate(wave.endsOn)}) dépasse l'année scolaire ${wave.schoolYear} (du ${frenchDate(year.from)} au ${frenchDate(year.to)}).`,
    );
  }
  const seen = new Set<string>();
  wave.lines.forEach((line, i) => {
    const at = `lines[${i}]`;
    const module = modules.get(line.moduleId);
    if (!module || module.academy !== academy)
      fault(
        `${at}.moduleId`,
        'unknown_module',
        `Ligne ${i + 1} : le module ${line.moduleId} n'est pas dans l'offre de votre académie.`,
      );
    else if (module.status === 'archived')
      fault(`${at}.moduleId`, 'module_archived', `Ligne ${i + 1} : le module ${line.moduleId} est archivé.`);
    else if (module.targetProfiles.length && !module.targetProfiles.includes(line.profile)) {
      fault(
        `${at}.profile`,
        'profile_not_targeted',
        `Ligne ${i + 1} : le module ne s'adresse pas au public « ${profileLabel(line.profile)} » (publics : ${module.targetProfiles.map(profileLabel).join(', ')}).`,
      );
    }
    const key = `${line.moduleId}/${line.profile}`;
    if (seen.has(key))
      fault(
        `${at}`,
        'duplicate_plan_line',
        `Ligne ${i + 1} : ce module figure déjà dans la vague pour le public « ${profileLabel(line.profile)} ».`,
      );
    seen.add(key);
    if (!HOURS.test(line.hours))
      fault(
        `${at}.hours`,
        'hours_format',
        `Ligne ${i + 1} : heures prévues invalides (${line.hours}) : un nombre positif, deux décimales au plus.`,
      );
    if (line.sessions > 0 && line.trainers === 0)
      fault(
        `${at}.trainers`,
        'trainers_missing',
        `Ligne ${i + 1} : ${line.sessions} session(s) prévue(s) sans formateur.`,
      );
  });
  return faults;
}

/** A target profile in French (an unknown one as given). */
const profileLabel = (profile: string) => TARGET_PROFILE_LABELS[profile as TargetProfile] ?? profile;

export function assertWave(wave: WaveDraft, modules: Map<string, PlannedModule>, academy: string): void {
  const faults = waveViolations(wave, modules, academy);
  if (faults.length)
    throw new RuleViolation('invalid', faults[0].rule, `Vague de déploiement refusée : ${faults[0].message}`, faults);
}

export const waveNotFound = (id: string) =>
  new RuleViolation('not_found', 'wave_not_found', `Aucune vague de déploiement ${id} dans votre académie.`);
export const waveCodeTaken = (code: string, schoolYear: string) =>
  RuleViolation.onField('conflict', 'wave_code_taken', `Une vague « ${code} » existe déjà pour ${schoolYear}.`, 'code');
