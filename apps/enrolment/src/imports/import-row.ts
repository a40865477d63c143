import { ImportFormat } from '@forma/contracts';
import { cleanPerson, PersonInput, splitMailexportName } from '../people/person';
import { ColumnRole } from './csv-format';

/** How a file's rows are read: GAIA's fixed fields, or a header's column roles. */
export interface RowLayout {
  format: ImportFormat;
  roles: ColumnRole[];
}

export interface RowProblem {
  code: string;
  field: string | null;
  message: string;
}

export type InterpretedRow = { person: PersonInput; gaiaSessionId?: number } | { problem: RowProblem };

const GAIA_FIELDS = 5;

/** A row's cells as a person (cleaned, not yet checked), with the GAIA session it belongs to in GAIA files. */
export function interpretRow(layout: RowLayout, cells: string[]): InterpretedRow {
  if (layout.format === 'gaia') {
    const fields =
      cells.length === GAIA_FIELDS + 1 && cells[GAIA_FIELDS].trim() === '' ? cells.slice(0, GAIA_FIELDS) : cells;
    if (fields.length !== GAIA_FIELDS) {
      return {
        problem: {
          code: 'wrong_field_count',
          field: null,
          message: `${fields.length} champ(s) au lieu de ${GAIA_FIELDS} (table|session|nom|prénom|mail).`,
        },
      };
    }
    const [, session, lastName, firstName, mail] = fields;
    if (!/^\d{1,9}$/.test(session.trim())) {
      return {
        problem: {
          code: 'invalid_session',
          field: 'session',
          message: `Identifiant de session GAIA invalide : « ${session.slice(0, 20)} ».`,
        },
      };
    }
    return { person: cleanPerson({ mail, lastName, firstName }), gaiaSessionId: Number(session.trim()) };
  }
  const person: PersonInput = { mail: '', lastName: '' };
  let gaiaSessionId: number | undefined;
  layout.roles.forEach((role, i) => {
    const value = cells[i] ?? '';
    if (role === 'fullName') Object.assign(person, splitMailexportName(value));
    else if (role === 'gaiaSession') gaiaSessionId = /^\s*\d{1,9}\s*$/.test(value) ? Number(value) : undefined;
    else if (role) person[role] = value;
  });
  return { person: cleanPerson(person), gaiaSessionId };
}
