import { RuleViolation } from '@forma/domain';

/** The parcours' monitored activities (m@gistère's progress bar): what each participant did, by its due date. */
export interface Activity {
  id: string;
  title: string;
  dueOn: string | null;
  required: boolean;
}

export type ActivityState = 'done' | 'not-done' | 'overdue';

export interface Progress {
  registrationId: string;
  activities: { activityId: string; state: ActivityState; doneAt: string | null }[];
  /** Activities done over all activities, 0 to 100 (rounded down: 2 of 3 is 66). */
  percentage: number;
  requiredDone: boolean;
}

/**
 * Each participant's state on each activity: done, not done, or overdue once its due date has passed (`today` is ISO).
 */
export function progressOf(
  activities: readonly Activity[],
  done: ReadonlyMap<string, string>,
  registrationIds: readonly string[],
  today: string,
): Progress[] {
  return registrationIds.map((registrationId) => {
    const states = activities.map((a) => {
      const doneAt = done.get(`${a.id}/${registrationId}`) ?? null;
      const state: ActivityState = doneAt ? 'done' : a.dueOn && a.dueOn < today ? 'overdue' : 'not-done';
      return { activityId: a.id, state, doneAt };
    });
    const count = states.filter((s) => s.state === 'done').length;
    return {
      registrationId,
      activities: states,
      percentage: activities.length ? Math.floor((count * 100) / activities.length) : 100,
      requiredDone: activities.every((a, i) => !a.required || states[i].state === 'done'),
    };
  });
}

/** A new list of activities: titles present and distinct, due dates ISO. */
export function assertActivities(activities: readonly { title: string; dueOn?: string | null }[]): void {
  const seen = new Set<string>();
  activities.forEach((a, i) => {
    const key = a.title.trim().toLowerCase();
    if (seen.has(key))
      throw RuleViolation.onField(
        'invalid',
        'duplicate_activity',
        `Deux activités s'appellent « ${a.title.trim()} ».`,
        `activities[${i}].title`,
      );
    seen.add(key);
  });
}
