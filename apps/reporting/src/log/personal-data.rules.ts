/**
 * Reporting keeps every event it receives, but never a person's name or mail: they are cut from the envelope before it
 * is stored (the identifiers stay, so facts can still be counted and joined). The event log thus holds nothing an
 * erasure (PersonErased) would have to reach, and nothing personal can leave through a projection built from it.
 */
const PERSONAL_KEYS = new Set([
  'mail',
  'mailHash',
  'mails',
  'trainerMails',
  'lastName',
  'firstName',
  'birthDate',
  'comment',
  'phone',
]);
/** Under these keys, an object is a person: its `name` goes too. */
const PERSON_HOLDERS = new Set(['trainer', 'trainers', 'person', 'people', 'participant', 'actorPerson']);

export function withoutPersonalData<T>(value: T, holder?: string): T {
  if (Array.isArray(value)) return value.map((item) => withoutPersonalData(item, holder)) as T;
  if (value === null || typeof value !== 'object') return value;
  const kept: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    if (PERSONAL_KEYS.has(key)) continue;
    if (key === 'name' && holder && PERSON_HOLDERS.has(holder)) continue;
    // a user's identifier is kept for the audit of who caused a fact, unless it is a mail
    if (key === 'id' && holder === 'actor' && typeof inner === 'string' && inner.includes('@')) continue;
    kept[key] = withoutPersonalData(inner, key);
  }
  return kept as T;
}
