/** A dispositif whose third character is `N` is national: the same in every académie, never duplicated. */
export function isNationalDispositif(dispositif: string): boolean {
  return dispositif.charAt(2).toUpperCase() === 'N';
}

/** The scope a GAIA identifier is unique in: `N` (national) or the académie. */
export function gaiaScope(dispositif: string, academy: string): string {
  return isNationalDispositif(dispositif) ? 'N' : academy;
}

export function gaiaModuleKey(dispositif: string, moduleNumber: number, academy: string): string {
  return `${gaiaScope(dispositif, academy)}:${dispositif}:${moduleNumber}`;
}
