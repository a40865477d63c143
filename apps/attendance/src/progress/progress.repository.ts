import { Clock } from '@forma/domain';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Activity } from './progress.rules';

/** Activities of a session, their settings and each participant's progress, as SQL. */
@Injectable()
export class ProgressRepository {
  constructor(private readonly clock: Clock) {}

  async activities(
    manager: EntityManager,
    sessionId: string,
  ): Promise<{ progressRequired: boolean; activities: Activity[] }> {
    const [settings] = (await manager.query(
      'SELECT progress_required AS "progressRequired" FROM activity_settings WHERE session_id = $1',
      [sessionId],
    )) as { progressRequired: boolean }[];
    const activities = (await manager.query(
      `SELECT id, title, to_char(due_on, 'YYYY-MM-DD') AS "dueOn", required FROM activity WHERE session_id = $1 ORDER BY position`,
      [sessionId],
    )) as Activity[];
    return { progressRequired: settings?.progressRequired ?? false, activities };
  }

  /** Replaces the list (activities kept by id keep their progress; removed ones take theirs with them). */
  async replace(
    manager: EntityManager,
    sessionId: string,
    progressRequired: boolean,
    activities: Activity[],
  ): Promise<void> {
    await manager.query(
      `INSERT INTO activity_settings (session_id, progress_required) VALUES ($1, $2)
       ON CONFLICT (session_id) DO UPDATE SET progress_required = EXCLUDED.progress_required`,
      [sessionId, progressRequired],
    );
    await manager.query('DELETE FROM activity WHERE session_id = $1 AND NOT (id = ANY($2::uuid[]))', [
      sessionId,
      activities.map((a) => a.id),
    ]);
    for (const [position, a] of activities.entries()) {
      await manager.query(
        `INSERT INTO activity (id, session_id, position, title, due_on, required) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (id) DO UPDATE SET position = EXCLUDED.position, title = EXCLUDED.title, due_on = EXCLUDED.due_on, required = EXCLUDED.required
         WHERE activity.session_id = EXCLUDED.session_id`,
        [a.id, sessionId, position, a.title.trim(), a.dueOn, a.required],
      );
    }
  }

  /** `activityId/registrationId` -> when it was done. */
  async done(manager: EntityManager, sessionId: string): Promise<Map<string, string>> {
    const rows = (await manager.query(
      `SELECT p.activity_id AS "activityId", p.registration_id AS "registrationId", p.done_at AS "doneAt"
         FROM activity_progress p JOIN activity a ON a.id = p.activity_id
        WHERE a.session_id = $1 AND p.done_at IS NOT NULL`,
      [sessionId],
    )) as { activityId: string; registrationId: string; doneAt: Date }[];
    return new Map(rows.map((r) => [`${r.activityId}/${r.registrationId}`, new Date(r.doneAt).toISOString()]));
  }

  async setDone(
    manager: EntityManager,
    activityId: string,
    registrationId: string,
    done: boolean,
    by: string,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO activity_progress (activity_id, registration_id, done_at, recorded_by) VALUES ($1, $2, CASE WHEN $3 THEN $5::timestamptz END, $4)
       ON CONFLICT (activity_id, registration_id) DO UPDATE SET done_at = CASE WHEN $3 THEN COALESCE(activity_progress.done_at, $5::timestamptz) END, recorded_by = $4`,
      [activityId, registrationId, done, by, this.clock.now()],
    );
  }
}
