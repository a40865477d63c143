import { EventEnvelope } from '@forma/contracts';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { withoutPersonalData } from './personal-data.rules';

export interface LoggedEvent {
  seq: string;
  known: boolean;
  envelope: EventEnvelope<unknown>;
}

/**
 * Reporting's event log: every event it received, once (by event id), in the order it was applied (`seq`), without
 * names or mails. It is append-only (rules refuse UPDATE and DELETE) and is the source every projection is rebuilt
 * from.
 */
@Injectable()
export class EventLogRepository {
  /** Appends the events not yet logged; returns those that were new (a redelivered event is not applied twice). */
  async append<T>(manager: EntityManager, events: EventEnvelope<T>[], known = true): Promise<EventEnvelope<T>[]> {
    if (!events.length) return [];
    const kept = events.map((e) => withoutPersonalData(e));
    const rows = (await manager.query(
      `WITH added AS (
         INSERT INTO received_event (event_id, event_type, event_version, source, aggregate_key, academy, occurred_at, envelope, known)
         SELECT e.id, e.type, e.version, e.source, e.key, e.academy, e."occurredAt", e.envelope, $2
           FROM jsonb_to_recordset($1::jsonb) AS e(id uuid, type text, version int, source text, key text, academy text, "occurredAt" timestamptz, envelope jsonb, ord int)
         ORDER BY e.ord
         ON CONFLICT (event_id) DO NOTHING RETURNING event_id)
       SELECT event_id FROM added`,
      [
        JSON.stringify(
          kept.map((e, ord) => ({
            id: e.id,
            type: e.type,
            version: e.version,
            source: e.source,
            key: e.key,
            academy: e.academy ?? null,
            occurredAt: e.occurredAt,
            envelope: e,
            ord,
          })),
        ),
        known,
      ],
    )) as { event_id: string }[];
    const fresh = new Set(rows.map((r) => r.event_id));
    return events.filter((e) => fresh.has(e.id));
  }

  /** The log from `afterSeq` on, in the order it was applied. */
  /** Holds every consumer's transaction back until this one ends (they insert into the log first). */
  async holdConsumers(manager: EntityManager): Promise<void> {
    await manager.query('LOCK TABLE received_event IN SHARE MODE');
  }

  /**
   * Waits, in a writer's transaction that is not a consumer's (the BI feed's publisher), for a rebuild under way to
   * end: the lock a consumer's insert takes, which the rebuild's hold excludes (taken first, it orders the two).
   */
  async waitForRebuild(manager: EntityManager): Promise<void> {
    await manager.query('LOCK TABLE received_event IN ROW EXCLUSIVE MODE');
  }

  async page(manager: EntityManager, afterSeq: string, limit: number): Promise<LoggedEvent[]> {
    const rows = (await manager.query(
      'SELECT e.seq::text AS seq, e.known, e.envelope FROM received_event e WHERE e.seq > $1 ORDER BY e.seq LIMIT $2',
      [afterSeq, limit],
    )) as { seq: string; known: boolean; envelope: EventEnvelope<unknown> }[];
    return rows.map((r) => ({ seq: r.seq, envelope: r.envelope, known: r.known }));
  }

  /** Events of a type or version reporting does not know: kept, never applied, reported here. */
  async unknown(
    manager: EntityManager,
    academy: string,
  ): Promise<{ type: string; version: number; count: number; lastReceivedAt: string }[]> {
    const rows = (await manager.query(
      `SELECT event_type AS type, event_version AS version, count(*)::int AS count, max(received_at) AS last
         FROM received_event WHERE NOT known AND (academy = $1 OR academy IS NULL) GROUP BY event_type, event_version ORDER BY event_type, event_version`,
      [academy],
    )) as { type: string; version: number; count: number; last: Date }[];
    return rows.map((r) => ({
      type: r.type,
      version: r.version,
      count: r.count,
      lastReceivedAt: r.last.toISOString(),
    }));
  }
}
