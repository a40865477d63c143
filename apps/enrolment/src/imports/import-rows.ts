import { checkPerson, mailKey, PersonInput } from '../people/person';
import { interpretRow, RowLayout, RowProblem } from './import-row';

/** Import rules that need no database: a row alone, and duplicates within one batch. */

export interface Row {
  number: number;
  cells: string[];
}

export interface Candidate {
  row: Row;
  person: PersonInput;
  /** The session the row goes to: the job's, or the one its GAIA id names (found later). */
  target?: string;
  gaiaSessionId?: number;
}

/** A row after the checks that need no database: a candidate, or its problem. */
export type Checked = Candidate | { row: Row; problem: RowProblem };

export interface Rejection extends RowProblem {
  row: number;
  cells: string[];
}

export function checkRow(layout: RowLayout, sessionId: string | null, row: Row): Checked {
  const interpreted = interpretRow(layout, row.cells);
  if ('problem' in interpreted) return { row, problem: interpreted.problem };
  const problem = checkPerson(interpreted.person);
  if (problem) return { row, problem: { code: problem.code, field: problem.field, message: problem.message } };
  return { row, person: interpreted.person, gaiaSessionId: interpreted.gaiaSessionId, target: sessionId ?? undefined };
}

/** One (session, person) pair of an import, as a map key. */
export function pairKey(target: string | undefined, mailKeyValue: string): string {
  return `${target}\u0000${mailKeyValue}`;
}

export function candidateKey(c: Candidate): string {
  return pairKey(c.target, mailKey(c.person.mail));
}

export function duplicate(mail: string, first?: number): RowProblem {
  return {
    code: 'duplicate_in_file',
    field: 'mail',
    message: `Doublon dans le fichier : ${mail} est déjà inscrit(e) à cette session par une ligne précédente${first ? ` (ligne ${first})` : ''}.`,
  };
}

/** The first row of each (session, person) pair in a batch, by key; the later ones are rejected as duplicates. */
export function firstInBatch<T extends Candidate>(
  candidates: T[],
  reject: (row: Row, problem: RowProblem) => void,
): Map<string, T> {
  const first = new Map<string, T>();
  for (const c of candidates) {
    const key = candidateKey(c);
    const earlier = first.get(key);
    if (earlier) reject(c.row, duplicate(c.person.mail, earlier.row.number));
    else first.set(key, c);
  }
  return first;
}

/** One input per person (the first row naming that mail), for the people upsert. */
export function onePerPerson(candidates: Candidate[]): PersonInput[] {
  const people = new Map<string, PersonInput>();
  for (const c of candidates) if (!people.has(mailKey(c.person.mail))) people.set(mailKey(c.person.mail), c.person);
  return [...people.values()];
}

/** Candidates grouped by target session, sessions in id order (the order their rows are locked in). */
export function bySession<T extends Candidate>(candidates: T[]): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const c of candidates) {
    const key = c.target as string;
    const list = groups.get(key);
    if (list) list.push(c);
    else groups.set(key, [c]);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
}
