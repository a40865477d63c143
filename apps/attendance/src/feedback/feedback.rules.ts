import { RuleViolation } from '@forma/domain';

/** Seed 004's practice phase, pure: when hot and cold impressions may be given, and a pool's concerns. */
export type Moment = 'hot' | 'cold';

/** Hot impressions from the last part's day on; cold ones from 7 days after it (the practice has begun). */
export const COLD_AFTER_DAYS = 7;

export function assertMoment(moment: Moment, lastDay: string, today: string): void {
  if (today < lastDay)
    throw new RuleViolation(
      'conflict',
      'feedback_too_early',
      `Les impressions se donnent à partir du ${lastDay}, dernier jour de la session.`,
    );
  if (moment === 'cold') {
    const opens = new Date(`${lastDay}T00:00:00Z`);
    opens.setUTCDate(opens.getUTCDate() + COLD_AFTER_DAYS);
    const from = opens.toISOString().slice(0, 10);
    if (today < from)
      throw new RuleViolation(
        'conflict',
        'feedback_too_early',
        `Les impressions à froid se donnent à partir du ${from} (${COLD_AFTER_DAYS} jours après la session).`,
      );
  }
}

/** Concerns as a pool keeps them: trimmed, distinct whatever their case, at least one. */
export function normalisedConcerns(concerns: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const c of concerns.map((x) => x.trim()).filter(Boolean))
    if (!seen.has(c.toLowerCase())) seen.set(c.toLowerCase(), c);
  if (!seen.size)
    throw RuleViolation.onField(
      'invalid',
      'concerns_required',
      'Au moins une préoccupation pédagogique est attendue.',
      'concerns',
    );
  return [...seen.values()];
}
