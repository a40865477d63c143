import { RuleViolation } from '@forma/domain';

/**
 * Anonymous evaluations, pure: the questionnaire (seed 002's criteria and the usual satisfaction items, answered on a
 * four-step scale), the validation of one set of answers, and the statistical secrecy of the results.
 */
export interface EvaluationItem {
  key: string;
  label: string;
}

export const SCALE = [1, 2, 3, 4] as const;
export const SCALE_LABELS = ['Pas du tout d’accord', 'Plutôt pas d’accord', 'Plutôt d’accord', 'Tout à fait d’accord'];
/** A group's answers are shown only from this many respondents on (and never by difference: see `moduleAggregate`). */
export const MINIMUM_GROUP = 5;

export const DEFAULT_ITEMS: readonly EvaluationItem[] = [
  { key: 'device-reliability', label: 'Le dispositif (ENT, outils) a fonctionné de manière fiable.' },
  { key: 'pedagogical-feasibility', label: 'Ce qui a été proposé est faisable dans ma classe.' },
  { key: 'accompaniment-quality', label: 'L’accompagnement des formateurs a été de qualité.' },
  { key: 'school-effects', label: 'La formation aura des effets dans mon établissement.' },
  { key: 'objectives-met', label: 'Les objectifs annoncés ont été atteints.' },
  { key: 'overall-satisfaction', label: 'Je suis globalement satisfait(e) de cette formation.' },
];

export function assertQuestionnaire(items: readonly EvaluationItem[], answered: boolean): void {
  if (answered)
    throw new RuleViolation(
      'conflict',
      'evaluation_answered',
      'Le questionnaire a déjà reçu des réponses : il ne se modifie plus.',
    );
  const keys = new Set<string>();
  items.forEach((item, i) => {
    if (keys.has(item.key))
      throw RuleViolation.onField(
        'invalid',
        'duplicate_item',
        `Deux questions ont la clé « ${item.key} ».`,
        `items[${i}].key`,
      );
    keys.add(item.key);
  });
}

/** One set of answers: every item answered once, on the scale; nothing else. */
export function validAnswers(
  items: readonly EvaluationItem[],
  answers: Readonly<Record<string, unknown>>,
): Record<string, number> {
  const errors = [
    ...items
      .filter((item) => !SCALE.includes(answers[item.key] as 1))
      .map((item) => ({
        field: `answers.${item.key}`,
        rule: 'answer_required',
        message: `answers.${item.key} : une réponse de 1 à 4 est attendue`,
      })),
    ...Object.keys(answers)
      .filter((key) => !items.some((item) => item.key === key))
      .map((key) => ({ field: `answers.${key}`, rule: 'unknown_item', message: `answers.${key} : question inconnue` })),
  ];
  if (errors.length)
    throw new RuleViolation(
      'invalid',
      'invalid_answers',
      'Réponses incomplètes ou inconnues : rien n’est enregistré.',
      errors,
    );
  return Object.fromEntries(items.map((item) => [item.key, answers[item.key] as number]));
}

export interface Tally {
  item: string;
  value: number;
  count: number;
}

export type GroupResult =
  | {
      suppressed: false;
      respondents: number;
      items: { key: string; label: string; counts: Record<string, number>; mean: number }[];
    }
  | { suppressed: true; respondents: null; reason: string };

/** A group's results, or their suppression when it has fewer than 5 respondents (its size is not told either). */
export function groupResult(
  items: readonly EvaluationItem[],
  respondents: number,
  tallies: readonly Tally[],
): GroupResult {
  if (respondents < MINIMUM_GROUP) {
    return {
      suppressed: true,
      respondents: null,
      reason: `Moins de ${MINIMUM_GROUP} réponses : les résultats ne sont pas montrés (secret statistique).`,
    };
  }
  return {
    suppressed: false,
    respondents,
    items: items.map((item) => {
      const counts = Object.fromEntries(
        SCALE.map((v) => [String(v), tallies.find((t) => t.item === item.key && t.value === v)?.count ?? 0]),
      );
      const total = SCALE.reduce((sum, v) => sum + counts[String(v)], 0);
      const mean = total ? SCALE.reduce((sum, v) => sum + v * counts[String(v)], 0) / total : 0;
      return { key: item.key, label: item.label, counts, mean: Math.round(mean * 100) / 100 };
    }),
  };
}

/**
 * A module's results over its sessions: only closed sessions of 5 respondents or more are summed, so the module's
 * total minus the sessions shown never gives a suppressed session's answers; the sessions left out are only counted.
 */
export function moduleAggregate(
  items: readonly EvaluationItem[],
  sessions: readonly { closed: boolean; respondents: number; tallies: readonly Tally[] }[],
): { sessionsIncluded: number; sessionsLeftOut: number; result: GroupResult } {
  const included = sessions.filter((s) => s.closed && s.respondents >= MINIMUM_GROUP);
  const sum = new Map<string, Tally>();
  for (const t of included.flatMap((s) => s.tallies)) {
    const key = `${t.item}/${t.value}`;
    sum.set(key, { ...t, count: (sum.get(key)?.count ?? 0) + t.count });
  }
  return {
    sessionsIncluded: included.length,
    sessionsLeftOut: sessions.length - included.length,
    result: groupResult(
      items,
      included.reduce((n, s) => n + s.respondents, 0),
      [...sum.values()],
    ),
  };
}
