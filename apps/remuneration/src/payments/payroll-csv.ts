import { neutraliseCell } from '@forma/http';
import { stringify } from 'csv-stringify/sync';

/**
 * The "état liquidatif" for payroll (docs/architecture.md, Remuneration): one line per formateur accompagnateur and
 * convention, `;`-separated, UTF-8 with BOM, decimals with a comma (as French spreadsheets and payroll tools read
 * them), a header of stable column names, and a total line.
 */
export const PAYROLL_COLUMNS = [
  'lot',
  'convention',
  'annee_scolaire',
  'uai',
  'etablissement',
  'formateur',
  'mail',
  'grade',
  'hse',
  'taux_hse',
  'montant',
];

export interface PayrollLine {
  conventionId: string;
  schoolYear: string;
  uai: string;
  schoolName: string | null;
  name: string;
  mail: string;
  grade: string;
  hse: string;
  unitRate: string;
  amount: string;
}

const comma = (decimal: string) => decimal.replace('.', ',');

export function payrollCsv(
  batchId: string,
  lines: readonly PayrollLine[],
  totals: { hse: string; amount: string },
): string {
  const rows = lines.map((l) => [
    batchId,
    l.conventionId,
    l.schoolYear,
    l.uai,
    l.schoolName ?? '',
    l.name,
    l.mail,
    l.grade,
    comma(l.hse),
    comma(l.unitRate),
    comma(l.amount),
  ]);
  rows.push([batchId, 'TOTAL', '', '', '', '', '', '', comma(totals.hse), '', comma(totals.amount)]);
  return stringify([PAYROLL_COLUMNS, ...rows.map((r) => r.map(neutraliseCell))], {
    delimiter: ';',
    bom: true,
    record_delimiter: 'windows',
  });
}
