import { RuleViolation } from '@forma/domain';
import { CursorProblem } from './bi-cursor.rules';

/** The BI feed's refusals: one code, one message each. */
const CURSOR_MESSAGES: Record<CursorProblem, string> = {
  cursor_malformed: "Ce curseur n'a pas la forme d'un curseur Forma.",
  cursor_not_issued: "Ce curseur n'a pas été délivré par Forma (ou a été modifié).",
  cursor_other_feed: 'Ce curseur appartient à un autre flux (autre fait ou autre académie).',
};

export const periodNotApplicable = (field: string) =>
  RuleViolation.onField(
    'invalid',
    'period_not_applicable',
    "L'offre (modules) ne se filtre pas par période : lisez-la entière.",
    field,
  );

export const cursorRefused = (problem: CursorProblem) =>
  RuleViolation.onField('invalid', problem, CURSOR_MESSAGES[problem], 'cursor');
