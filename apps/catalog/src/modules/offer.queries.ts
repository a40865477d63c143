import { decodeCursor, encodeCursor, Page } from '@forma/http';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OfferItem, OfferPage, OfferQuery } from './offer.dto';

interface OfferRow {
  id: string;
  title: string;
  short_title: string | null;
  kind: string;
  category: string;
  modality: string;
  target_profiles: string[];
  origin: string;
  themes: string[];
  gaia_dispositif: string | null;
  gaia_module_number: number | null;
  academy: string;
  total_hours: string;
  distance_hours: string;
  face_to_face_hours: string;
  published_at: Date | null;
  status: 'draft' | 'published';
  revision: number;
  upcoming_sessions: string;
  sort_value: string;
  total: string;
}

function hours(h: number): string {
  return `${Number(h.toFixed(2)).toString().replace('.', ',')}h`;
}

/** "6h à distance - 3h en présence", as m@gistère shows it. */
export function durationLabel(distance: number, faceToFace: number): string {
  const parts = [
    distance > 0 ? `${hours(distance)} à distance` : '',
    faceToFace > 0 ? `${hours(faceToFace)} en présence` : '',
  ];
  return parts.filter(Boolean).join(' - ') || '0h';
}

/**
 * The offer's search (m@gistère's "offre de parcours"): a read model over the published modules, French full-text
 * search, filters, sort and cursor. A projection, not an aggregate: SQL, where catalog's writes go through its
 * entities.
 */
@Injectable()
export class OfferQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** The published offer, or (`draft`) an académie's drafts: the same search over the modules in that state. */
  async search(query: OfferQuery, status: 'published' | 'draft' = 'published'): Promise<OfferPage> {
    const limit = query.limit ?? 50;
    const sort = query.sort ?? 'title';
    const sortExpr = {
      title: 'lower(m.title)',
      published: "to_char(m.published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US')",
      duration:
        "lpad(to_char((m.face_to_face_hours + m.distance_synchronous_hours + m.distance_asynchronous_hours) * 100, 'FM0000000'), 7, '0')",
    }[sort];
    const where: string[] = ['m.status = $1'];
    const params: unknown[] = [status];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replaceAll('?', `$${params.length}`));
    };
    if (query.q) add("to_tsvector('french', m.search_text) @@ plainto_tsquery('french', ?)", query.q);
    if (query.kind) add('m.kind = ?', query.kind);
    if (query.category) add('m.category = ?', query.category);
    if (query.theme) add('EXISTS (SELECT 1 FROM unnest(m.themes) AS t WHERE lower(t) = lower(?))', query.theme.trim());
    if (query.gaia) add('(upper(m.gaia_dispositif) = upper(?) OR m.gaia_module_number::text = ?)', query.gaia);
    if (query.profile) add('? = ANY (m.target_profiles)', query.profile);
    if (query.modality) add('m.modality = ?', query.modality);
    if (query.origin) add('m.origin = ?', query.origin);
    if (query.academy) add('m.academy = ?', query.academy);
    if (query.minHours !== undefined)
      add('(m.face_to_face_hours + m.distance_synchronous_hours + m.distance_asynchronous_hours) >= ?', query.minHours);
    if (query.maxHours !== undefined)
      add('(m.face_to_face_hours + m.distance_synchronous_hours + m.distance_asynchronous_hours) <= ?', query.maxHours);
    if (query.from)
      add(
        "EXISTS (SELECT 1 FROM training_session s WHERE s.module_id = m.id AND s.status <> 'cancelled' AND s.ends_on >= ?::date)",
        query.from,
      );
    if (query.to)
      add(
        "EXISTS (SELECT 1 FROM training_session s WHERE s.module_id = m.id AND s.status <> 'cancelled' AND s.starts_on <= ?::date)",
        query.to,
      );
    const filters = [...where];
    const cursor = decodeCursor(query.cursor);
    if (cursor) {
      params.push(cursor.after, cursor.id);
      where.push(`(${sortExpr}, m.id::text) > ($${params.length - 1}, $${params.length})`);
    }
    params.push(limit + 1);
    const rows: OfferRow[] = await this.dataSource.query(
      `SELECT m.id, m.title, m.short_title, m.kind, m.category, m.modality, m.target_profiles, m.origin, m.academy,
              m.themes, m.gaia_dispositif, m.gaia_module_number,
              m.face_to_face_hours + m.distance_synchronous_hours + m.distance_asynchronous_hours AS total_hours,
              m.distance_synchronous_hours + m.distance_asynchronous_hours AS distance_hours, m.face_to_face_hours,
              m.published_at, m.status, m.revision, ${sortExpr} AS sort_value,
              (SELECT count(*) FROM training_session s WHERE s.module_id = m.id AND s.status IN ('planned', 'open', 'full') AND s.ends_on >= current_date) AS upcoming_sessions,
              (SELECT count(*) FROM training_module m WHERE ${filters.join(' AND ')}) AS total
         FROM training_module m
        WHERE ${where.join(' AND ')}
        ORDER BY ${sortExpr}, m.id::text
        LIMIT $${params.length}`,
      params,
    );
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    const page: Page<OfferItem> = {
      items: items.map((r) => ({
        id: r.id,
        title: r.title,
        shortTitle: r.short_title,
        kind: r.kind,
        category: r.category,
        modality: r.modality,
        targetProfiles: r.target_profiles,
        origin: r.origin,
        themes: r.themes,
        gaia:
          r.gaia_dispositif && r.gaia_module_number !== null
            ? { dispositif: r.gaia_dispositif, moduleNumber: r.gaia_module_number }
            : null,
        academy: r.academy,
        totalHours: Number(r.total_hours),
        durationLabel: durationLabel(Number(r.distance_hours), Number(r.face_to_face_hours)),
        publishedAt: r.published_at?.toISOString() ?? null,
        status: r.status,
        revision: r.revision,
        upcomingSessions: Number(r.upcoming_sessions),
      })),
      nextCursor: rows.length > limit && last ? encodeCursor({ after: last.sort_value, id: last.id }) : null,
    };
    return {
      ...page,
      total: Number(rows[0]?.total ?? (cursor ? await this.count(filters, params.slice(0, params.length - 3)) : 0)),
    };
  }

  private async count(filters: string[], params: unknown[]): Promise<number> {
    const [row] = await this.dataSource.query(
      `SELECT count(*) AS total FROM training_module m WHERE ${filters.join(' AND ')}`,
      params,
    );
    return Number(row.total);
  }
}
