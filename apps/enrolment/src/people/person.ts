import { isMail, isValidUai, MAIL_MAX_LENGTH } from '@forma/contracts';

/** A person as a file row or a request gives it: only `mail` and `lastName` are required. */
export interface PersonInput {
  mail: string;
  lastName: string;
  firstName?: string | null;
  function?: string | null;
  grade?: string | null;
  uai?: string | null;
  profile?: string | null;
}

export const PERSON_FIELDS = ['mail', 'lastName', 'firstName', 'function', 'grade', 'uai', 'profile'] as const;
export type PersonField = (typeof PERSON_FIELDS)[number];

/** What a person is known by: the mail, trimmed and lower-cased (GAIA and Mailexport disagree on case). */
export function mailKey(mail: string): string {
  return mail.trim().toLowerCase();
}

/** A problem with one field of one person, in French for the user, with a stable code beside it. */
export interface PersonProblem {
  code: 'invalid_mail' | 'missing_name' | 'invalid_uai' | 'missing_mail' | 'field_too_long';
  field: PersonField;
  message: string;
}

const LIMITS: Record<PersonField, number> = {
  mail: MAIL_MAX_LENGTH,
  lastName: 120,
  firstName: 120,
  function: 60,
  grade: 120,
  uai: 8,
  profile: 60,
};

/** Trims every field, upper-cases the UAI, turns empty strings into null. */
export function cleanPerson(input: PersonInput): PersonInput {
  const text = (v: string | null | undefined) => {
    const t = (v ?? '').replace(/\s+/g, ' ').trim();
    return t === '' ? null : t;
  };
  return {
    mail: (input.mail ?? '').trim(),
    lastName: text(input.lastName) ?? '',
    firstName: text(input.firstName),
    function: text(input.function),
    grade: text(input.grade),
    uai: text(input.uai)?.toUpperCase() ?? null,
    profile: text(input.profile),
  };
}

/** The first problem of a cleaned person, or undefined: the order is the one users fix them in. */
export function checkPerson(person: PersonInput): PersonProblem | undefined {
  if (!person.mail) return { code: 'missing_mail', field: 'mail', message: 'Adresse mail absente.' };
  if (!isMail(person.mail) || person.mail.length > MAIL_MAX_LENGTH) {
    return { code: 'invalid_mail', field: 'mail', message: `Adresse mail invalide : « ${person.mail.slice(0, 80)} ».` };
  }
  if (!person.lastName) return { code: 'missing_name', field: 'lastName', message: 'Nom absent.' };
  if (person.uai && !isValidUai(person.uai)) {
    return {
      code: 'invalid_uai',
      field: 'uai',
      message: `UAI invalide : « ${String(person.uai).slice(0, 20)} » (7 chiffres et une lettre de contrôle).`,
    };
  }
  for (const field of PERSON_FIELDS) {
    const value = person[field];
    if (value && value.length > LIMITS[field]) {
      return {
        code: 'field_too_long',
        field,
        message: `Champ ${field} trop long (${value.length} caractères, ${LIMITS[field]} au plus).`,
      };
    }
  }
  return undefined;
}

/**
 * Mailexport's "Nom" holds "LASTNAME Firstname": the leading words in capitals are the last name (compound names
 * included, "LE GOFF Anne-Marie"), the rest the first name. A name all in capitals keeps its last word as first name.
 */
export function splitMailexportName(full: string): { lastName: string; firstName: string } {
  const words = full.trim().split(/\s+/).filter(Boolean);
  if (words.length <= 1) return { lastName: words[0] ?? '', firstName: '' };
  const isUpper = (w: string) => w === w.toLocaleUpperCase('fr') && w !== w.toLocaleLowerCase('fr');
  let split = 0;
  while (split < words.length && isUpper(words[split])) split += 1;
  if (split === 0) split = 1;
  if (split === words.length) split = words.length - 1;
  return { lastName: words.slice(0, split).join(' '), firstName: words.slice(split).join(' ') };
}

/**
 * Who writes a person's data, which decides what it may change (docs/scopes.md):
 * - `self`: the person (their own request); `organiser`: the académie's administrators; `import`: a GAIA or Mailexport
 *   file, GAIA being the record of grade and function. They may change any field.
 * - `designator`: a school head or an IEN designating someone: fills what is empty, never overwrites.
 * Nobody changes the mail (it is the person's key), and nothing degrades a value: the same name in capitals or
 * without its accents never replaces the written one ("LÉA" or "Lea" never replaces "Léa").
 */
export type PersonAuthority = 'self' | 'organiser' | 'import' | 'designator';

const fold = (v: string) => v.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('fr');
const hasAccents = (v: string) => v.normalize('NFD') !== v.normalize('NFD').replace(/\p{M}/gu, '');
const hasLowerCase = (v: string) => v !== v.toLocaleUpperCase('fr');

/** Whether `next` says the same as `previous` with less: in capitals, or without accents. */
export function degrades(previous: string, next: string): boolean {
  if (fold(previous) !== fold(next)) return false;
  return (hasLowerCase(previous) && !hasLowerCase(next)) || (hasAccents(previous) && !hasAccents(next));
}

/** What changes between a stored person and a new input, under the writer's authority: empty fields never erase. */
export function personChanges(
  stored: PersonInput,
  input: PersonInput,
  authority: PersonAuthority = 'organiser',
): Partial<Record<PersonField, { from: string | null; to: string }>> {
  const changes: Partial<Record<PersonField, { from: string | null; to: string }>> = {};
  for (const field of PERSON_FIELDS) {
    if (field === 'mail') continue;
    const next = input[field];
    if (next == null || next === '') continue;
    const previous = stored[field] ?? null;
    if (previous === next) continue;
    if (previous !== null && previous !== '' && (authority === 'designator' || degrades(previous, next))) continue;
    changes[field] = { from: previous, to: next };
  }
  return changes;
}
