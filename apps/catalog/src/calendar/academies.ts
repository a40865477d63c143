import { ACADEMIES, AcademyReference } from '@forma/contracts';

export { ACADEMIES };
export type { AcademyReference };

const BY_CODE = new Map(ACADEMIES.map((a) => [a.code, a]));

export function findAcademy(code: string): AcademyReference | undefined {
  return BY_CODE.get(code);
}

/**
 * The public-holiday region of a place: the UAI's first three digits are its department (057 Moselle, 067 and 068
 * Alsace, 971-976 overseas); without a place, the académie's own region.
 */
export function holidayRegionFor(academy: AcademyReference | undefined, uai?: string | null): string | null {
  const department = uai?.slice(0, 3);
  const byDepartment: Record<string, string> = {
    '057': '57',
    '067': '67',
    '068': '68',
    '971': 'GP',
    '972': 'MQ',
    '973': 'GF',
    '974': 'RE',
    '976': 'YT',
  };
  if (department && byDepartment[department]) return byDepartment[department];
  if (department && /^0\d\d$/.test(department) && academy?.holidayRegion === '67') return null; // a Strasbourg place outside Alsace
  return academy?.holidayRegion ?? null;
}
