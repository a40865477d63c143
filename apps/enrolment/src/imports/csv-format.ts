import { ImportFormat } from '@forma/contracts';
import { RuleViolation, ViolationKind } from '@forma/domain';
import { PersonField } from '../people/person';

export type FileEncoding = 'utf-8' | 'windows-1252';

/** Why a whole file is refused before any row is read: a rule violation naming the `file` field. */
export class FileRefusal extends RuleViolation {
  constructor(kind: ViolationKind, code: string, message: string) {
    super(kind, code, message, [{ field: 'file', rule: code, message }]);
  }
}

const MAGIC: [string, number[]][] = [
  ['PDF', [0x25, 0x50, 0x44, 0x46]],
  ['ZIP / XLSX / ODS', [0x50, 0x4b, 0x03, 0x04]],
  ['XLS (OLE)', [0xd0, 0xcf, 0x11, 0xe0]],
  ['PNG', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG', [0xff, 0xd8, 0xff]],
  ['GZIP', [0x1f, 0x8b]],
];

/** Refuses what is not text: known binary signatures, NUL bytes or control characters in the first bytes. */
export function assertText(sample: Buffer): void {
  for (const [name, bytes] of MAGIC) {
    if (bytes.every((b, i) => sample[i] === b)) {
      throw new FileRefusal(
        'unsupported',
        'not_csv',
        `Le fichier n’est pas un CSV (signature ${name}) : enregistrez-le au format CSV.`,
      );
    }
  }
  let control = 0;
  for (const byte of sample) {
    if (byte === 0)
      throw new FileRefusal(
        'unsupported',
        'not_csv',
        'Le fichier n’est pas un CSV (octets nuls : fichier binaire ou UTF-16).',
      );
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20)) control += 1;
  }
  if (control > sample.length / 100)
    throw new FileRefusal('unsupported', 'not_csv', 'Le fichier n’est pas un CSV (caractères de contrôle).');
}

export function hasUtf8Bom(sample: Buffer): boolean {
  return sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf;
}

/**
 * Whether a whole stream is strict UTF-8, fed chunk by chunk (a character cut between two chunks is fine): the
 * encoding of an import is decided on the whole file, never on its first kilobytes (a Windows-1252 file whose first
 * accent comes late would otherwise be read as UTF-8 and garbled).
 */
export class Utf8Check {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private valid = true;

  update(chunk: Buffer): void {
    if (!this.valid) return;
    try {
      this.decoder.decode(chunk, { stream: true });
    } catch {
      this.valid = false;
    }
  }

  /** Whether everything fed was UTF-8 (an incomplete last character is not). */
  end(): boolean {
    this.update(Buffer.alloc(0));
    if (!this.valid) return false;
    try {
      this.decoder.decode();
      return true;
    } catch {
      return false;
    }
  }
}

/** The first line that holds something (stray blank lines above a header happen). */
export function firstLine(text: string): string {
  for (const line of text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/)) {
    if (line.replace(/[;,|\t\s"]/g, '') !== '') return line;
  }
  return '';
}

/** The delimiter most present outside quotes on the first line: `;` (French Excel), `,`, `|` (GAIA) or tab. */
export function detectDelimiter(line: string): string {
  const counts = new Map<string, number>([
    [';', 0],
    [',', 0],
    ['|', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && counts.has(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let best = ';';
  for (const [d, n] of counts) if (n > (counts.get(best) ?? 0)) best = d;
  if ((counts.get(best) ?? 0) === 0) {
    throw new FileRefusal(
      'invalid',
      'not_csv',
      'Le fichier n’est pas un CSV : aucun séparateur (; , | ou tabulation) sur la première ligne.',
    );
  }
  return best;
}

/** Header column: a person field, or the Mailexport "Nom" that holds "NOM Prénom", or a GAIA session id. */
export type ColumnRole = PersonField | 'fullName' | 'gaiaSession' | null;

/** Common spellings of each column, compared without accents, case, spaces or punctuation. */
const ALIASES: Record<Exclude<ColumnRole, null | 'fullName'>, string[]> = {
  lastName: ['nom', 'nomdefamille', 'nomdusage', 'nomusage', 'nompatronymique', 'lastname', 'name', 'nomfamille'],
  firstName: ['prenom', 'prenoms', 'firstname', 'givenname'],
  mail: [
    'mail',
    'email',
    'courriel',
    'adressemail',
    'adressemel',
    'mel',
    'adressecourriel',
    'mailacademique',
    'mailprofessionnel',
    'adresseelectronique',
    'emailacademique',
  ],
  function: ['fonction', 'function', 'codefonction'],
  grade: ['grade', 'corps', 'gradecorps'],
  uai: [
    'uai',
    'rne',
    'codeuai',
    'uaietablissement',
    'uairne',
    'etablissementuai',
    'codeetablissement',
    'uaiaffectation',
  ],
  profile: ['profil', 'profile', 'discipline'],
  gaiaSession: ['session', 'idsession', 'sessiongaia', 'numerosession'],
};

export function normaliseHeader(cell: string): string {
  return cell
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

export interface HeaderMap {
  roles: ColumnRole[];
  format: Exclude<ImportFormat, 'gaia'>;
}

/**
 * Maps a header row to roles. "Nom" without a "Prénom" column is Mailexport's "NOM Prénom". Refuses a header with no
 * mail column or no name column, naming what is missing and what was found.
 */
export function mapHeader(cells: string[]): HeaderMap {
  const seen = new Set<ColumnRole>();
  const roles: ColumnRole[] = cells.map((cell) => {
    const key = normaliseHeader(cell);
    for (const [role, aliases] of Object.entries(ALIASES) as [Exclude<ColumnRole, null>, string[]][]) {
      if (aliases.includes(key) && !seen.has(role)) {
        seen.add(role);
        return role;
      }
    }
    return null;
  });
  const missing = [!seen.has('mail') && 'Mail', !seen.has('lastName') && 'Nom'].filter(Boolean);
  if (missing.length) {
    throw new FileRefusal(
      'invalid',
      'missing_column',
      `Colonne(s) introuvable(s) : ${missing.join(', ')}. En-tête lu : ${cells.map((c) => `« ${c.slice(0, 40)} »`).join(', ')}.`,
    );
  }
  if (!seen.has('firstName')) {
    roles[roles.indexOf('lastName')] = 'fullName';
    return { roles, format: 'mailexport' };
  }
  return { roles, format: 'spreadsheet' };
}

/** GAIA's participant extract: 5 pipe-separated fields, no header, a numeric session id second. */
export function looksLikeGaia(cells: string[], delimiter: string): boolean {
  return delimiter === '|' && cells.length >= 5 && /^\d+$/.test(cells[1]?.trim() ?? '') && cells[4]?.includes('@');
}
