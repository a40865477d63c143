import { preparedQuery } from '@forma/persistence';
import { Clock, newId } from '@forma/domain';
import { PersonPlace } from '@forma/auth';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { mailKey, PERSON_FIELDS, PersonAuthority, PersonInput, personChanges } from './person';

export interface StoredPerson extends PersonInput {
  id: string;
  mailKey: string;
  version: number;
}

export type UpsertOutcome = 'created' | 'updated' | 'unchanged';

export interface UpsertResult {
  /** By mail key. */
  people: Map<string, StoredPerson & { outcome: UpsertOutcome }>;
  created: number;
  updated: number;
}

const SELECT = `SELECT id, mail_key AS "mailKey", mail, last_name AS "lastName", first_name AS "firstName", function, grade,
  uai, profile, version FROM participant`;

/** The people holding the mail keys $1 (text[]), locked in mail key order. */
const LOCK_BY_MAIL = `${SELECT} WHERE mail_key = ANY($1::text[]) ORDER BY mail_key FOR UPDATE`;

/** People (participants) and the schools they may belong to, as SQL, in the caller's transaction. */
@Injectable()
export class PeopleRepository {
  constructor(private readonly clock: Clock) {}

  async find(manager: EntityManager, id: string): Promise<StoredPerson | undefined> {
    const [row] = (await preparedQuery(manager, `${SELECT} WHERE id = $1`, [id])) as StoredPerson[];
    return row;
  }

  /**
   * Where people are, for reach checks: their school's académie, district and department (their first registration's
   * académie when they have no known school), and their mail.
   */
  async places(manager: EntityManager, ids: string[]): Promise<Map<string, PersonPlace>> {
    if (!ids.length) return new Map();
    const rows = (await preparedQuery(
      manager,
      `SELECT p.id, p.mail_key AS mail, p.uai, s.district, s.department,
         coalesce(s.academy, (SELECT r.academy FROM registration r WHERE r.participant_id = p.id ORDER BY r.created_at LIMIT 1)) AS academy
       FROM participant p LEFT JOIN school_replica s ON s.uai = p.uai WHERE p.id = ANY($1::uuid[])`,
      [ids],
    )) as (PersonPlace & { id: string })[];
    return new Map(rows.map(({ id, ...place }) => [id, place]));
  }

  /** Where the person holding this mail key is, if anyone holds it (their id too). */
  async placeByMail(manager: EntityManager, key: string): Promise<(PersonPlace & { id: string }) | undefined> {
    const [row] = (await preparedQuery(manager, 'SELECT id FROM participant WHERE mail_key = $1', [key])) as {
      id: string;
    }[];
    const place = row && (await this.places(manager, [row.id])).get(row.id);
    return place && { ...place, id: row.id };
  }

  /**
   * The people holding these mail keys, locked in mail key order, as `upsert` reads them: a bulk import reads them
   * once, for its reach checks and then for its upsert.
   */
  async lockByMail(manager: EntityManager, keys: string[]): Promise<StoredPerson[]> {
    if (!keys.length) return [];
    return (await preparedQuery(manager, LOCK_BY_MAIL, [keys])) as StoredPerson[];
  }

  /** Where these people are, by mail key. */
  async placesOf(manager: EntityManager, people: StoredPerson[]): Promise<Map<string, PersonPlace>> {
    const places = await this.places(
      manager,
      people.map((p) => p.id),
    );
    return new Map(people.flatMap((p) => (places.has(p.id) ? [[p.mailKey, places.get(p.id)!] as const] : [])));
  }

  /** The académie of each known school, by UAI. */
  async schoolAcademies(manager: EntityManager, uais: string[]): Promise<Map<string, string>> {
    const distinct = [...new Set(uais)];
    if (!distinct.length) return new Map();
    const rows = (await preparedQuery(
      manager,
      'SELECT uai, academy FROM school_replica WHERE uai = ANY($1::text[]) AND academy IS NOT NULL',
      [distinct],
    )) as { uai: string; academy: string }[];
    return new Map(rows.map((r) => [r.uai, r.academy]));
  }

  /**
   * Creates or updates people; what an update may change depends on who writes (`PersonAuthority`, person.ts).
   * `locked`: the people already read and locked by `lockByMail` in this transaction (any superset of the inputs').
   */
  async upsert(
    manager: EntityManager,
    inputs: PersonInput[],
    source: string,
    actor: string,
    authority: PersonAuthority,
    locked?: StoredPerson[],
  ): Promise<UpsertResult> {
    const existing =
      locked ??
      (await this.lockByMail(
        manager,
        inputs.map((p) => mailKey(p.mail)),
      ));
    return upsertPeople(manager, inputs, existing, source, actor, authority, this.clock.now());
  }

  /** UAIs the catalog has not published (SchoolRegistered): a typo would lose the person's school. */
  async unknownSchools(manager: EntityManager, uais: string[]): Promise<Set<string>> {
    const distinct = [...new Set(uais)];
    if (!distinct.length) return new Set();
    const rows = (await preparedQuery(manager, 'SELECT uai FROM school_replica WHERE uai = ANY($1::text[])', [
      distinct,
    ])) as {
      uai: string;
    }[];
    const known = new Set(rows.map((r) => r.uai));
    return new Set(distinct.filter((u) => !known.has(u)));
  }
}

/**
 * Creates or updates people by mail key, in bulk: one locking read (done by the caller), one multi-row insert, one
 * multi-row update and one history insert for the whole list, whatever its length. Inputs must be cleaned and
 * checked, one per mail key.
 * A change is recorded in `participant_history` with its source (a request, an import job).
 */
async function upsertPeople(
  manager: EntityManager,
  inputs: PersonInput[],
  existing: StoredPerson[],
  source: string,
  actor: string,
  authority: PersonAuthority,
  now: Date,
): Promise<UpsertResult> {
  const keys = inputs.map((p) => mailKey(p.mail));
  const byKey = new Map(existing.map((p) => [p.mailKey, p]));
  const people = new Map<string, StoredPerson & { outcome: UpsertOutcome }>();
  const created: StoredPerson[] = [];
  const updated: { person: StoredPerson; changes: object }[] = [];
  inputs.forEach((input, i) => {
    const key = keys[i];
    const stored = byKey.get(key);
    if (!stored) {
      const person: StoredPerson = {
        ...input,
        id: newId(),
        mailKey: key,
        firstName: input.firstName ?? '',
        version: 1,
      };
      created.push(person);
      people.set(key, { ...person, outcome: 'created' });
      return;
    }
    const changes = personChanges(stored, input, authority);
    if (Object.keys(changes).length === 0) {
      people.set(key, { ...stored, outcome: 'unchanged' });
      return;
    }
    const next: StoredPerson = { ...stored, version: stored.version + 1 };
    for (const [field, change] of Object.entries(changes))
      (next as unknown as Record<string, string>)[field] = change.to;
    updated.push({ person: next, changes });
    people.set(key, { ...next, outcome: 'updated' });
  });
  const columns = (list: StoredPerson[]) => [
    list.map((p) => p.id),
    list.map((p) => p.mailKey),
    ...PERSON_FIELDS.map((f) => list.map((p) => p[f] ?? (f === 'firstName' ? '' : null))),
  ];
  // each field's source and date, kept beside it (issue 13): which request or import wrote it, when
  const at = now.toISOString();
  const sourcesOf = (fields: string[]) => JSON.stringify(Object.fromEntries(fields.map((f) => [f, { source, at }])));
  if (created.length) {
    // the people and their first history entry: one statement. Each person's field sources (a field is sourced when it
    // holds something) are one of a few documents — one per set of filled fields, one or two for a GAIA file — which
    // PostgreSQL picks by number: a document per person was more parsing than inserting (an import's batch), and
    // building it per row in SQL (a JSON object of seven cases, nulls stripped) a third of the insert
    const documents = new Map<string, number>();
    const sources = created.map((person) => {
      const fields = PERSON_FIELDS.filter((f) => (person[f] ?? '') !== '');
      const key = fields.join();
      let number = documents.get(key);
      if (number === undefined) documents.set(key, (number = documents.size + 1));
      return number;
    });
    await preparedQuery(
      manager,
      `WITH p AS (
         INSERT INTO participant (id, mail_key, mail, last_name, first_name, function, grade, uai, profile, field_sources)
         SELECT u.id, u.mail_key, u.mail, u.last_name, u.first_name, u.function, u.grade, u.uai, u.profile,
                ($10::jsonb[])[u.sources]
           FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $11::int[])
                  AS u(id, mail_key, mail, last_name, first_name, function, grade, uai, profile, sources)
         RETURNING id)
       INSERT INTO participant_history (participant_id, version, changes, source, actor)
       SELECT id, 1, '{"created":true}'::jsonb, $12, $13 FROM p`,
      [
        ...columns(created),
        [...documents.keys()].map((key) => sourcesOf(key ? key.split(',') : [])),
        sources,
        source,
        actor,
      ],
    );
  }
  if (updated.length) {
    const list = updated.map((u) => u.person);
    await preparedQuery(
      manager,
      `UPDATE participant p SET mail = u.mail, last_name = u.last_name, first_name = u.first_name, function = u.function,
         grade = u.grade, uai = u.uai, profile = u.profile, version = p.version + 1, updated_at = $11,
         field_sources = p.field_sources || u.sources
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::jsonb[])
         AS u(id, mail_key, mail, last_name, first_name, function, grade, uai, profile, sources)
       WHERE p.id = u.id`,
      [...columns(list), updated.map((u) => sourcesOf(Object.keys(u.changes))), now],
    );
    await preparedQuery(
      manager,
      `INSERT INTO participant_history (participant_id, version, changes, source, actor)
       SELECT id, version, changes, $4, $5 FROM unnest($1::uuid[], $2::int[], $3::jsonb[]) AS h(id, version, changes)`,
      [list.map((p) => p.id), list.map((p) => p.version), updated.map((u) => JSON.stringify(u.changes)), source, actor],
    );
  }
  return { people, created: created.length, updated: updated.length };
}
