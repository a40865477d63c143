import { IsISO8601, IsUUID, Matches } from 'class-validator';
import { createHash } from 'node:crypto';
import { defineEvent } from '../event-definition';
import { Topic } from '../topics';

/**
 * A person's personal data was erased (RGPD): enrolment pseudonymised them; every service holding personal data
 * erases what it holds of them. The mail itself never travels: `mailHash` is the SHA-256 (hex) of the mail trimmed and
 * lower-cased, which each service compares with the hash of the mails it holds.
 */
export class PersonErasedV1 {
  @IsUUID()
  participantId!: string;

  @Matches(/^[0-9a-f]{64}$/)
  mailHash!: string;

  @IsISO8601({ strict: true })
  erasedAt!: string;
}

export const PersonErased = defineEvent({
  type: 'PersonErased',
  version: 1,
  topic: Topic.EnrolmentPerson,
  payload: PersonErasedV1,
  key: (data) => data.participantId,
  description: "A person's personal data was erased: every service erases or pseudonymises what it holds of them.",
});

/** `PersonErased.mailHash` of a mail: the SHA-256 (hex) of the mail trimmed and lower-cased. */
export function mailHashOf(mail: string): string {
  return createHash('sha256').update(mail.trim().toLowerCase()).digest('hex');
}

/** The same hash as a PostgreSQL expression over `column`, to find the rows of an erased person in one statement. */
export function mailHashSql(column: string): string {
  return `encode(sha256(convert_to(lower(trim(${column})), 'UTF8')), 'hex')`;
}
