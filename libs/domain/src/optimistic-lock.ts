import { RuleViolation } from './rule-violation';

/** Optimistic locking: the thing changed since the caller read it (`If-Match`), so the second writer is refused. */
export function assertVersion(expected: number, actual: number, what: string): void {
  if (expected !== actual) {
    throw new RuleViolation(
      'conflict',
      'version_conflict',
      `${what} a été modifié(e) par quelqu'un d'autre (version ${actual}, vous aviez lu la version ${expected}) : relisez puis recommencez.`,
      [
        {
          field: 'If-Match',
          rule: 'version',
          message: `If-Match : version ${expected} périmée, version actuelle ${actual}`,
        },
      ],
    );
  }
}
