import iconv from 'iconv-lite';
import { assertText, detectDelimiter, detectEncoding, FileRefusal, firstLine, looksLikeGaia, mapHeader } from './csv-format';
import { neutraliseCell } from './csv-export';
import { interpretRow } from './import-row';

describe('reading the files staff actually have', () => {
  it('tells UTF-8 (with or without BOM) from Windows-1252', () => {
    const text = 'Nom;Prénom;Mail\r\nÉTÉ;Zoé;zoe@ac-exemple.fr\r\n';
    expect(detectEncoding(Buffer.from(`\uFEFF${text}`, 'utf8'))).toBe('utf-8');
    expect(detectEncoding(Buffer.from(text, 'utf8'))).toBe('utf-8');
    expect(detectEncoding(iconv.encode(text, 'windows-1252'))).toBe('windows-1252');
    // a sample cut in the middle of "é" is still UTF-8
    const cut = Buffer.from('Nom;Prénom', 'utf8');
    expect(detectEncoding(cut.subarray(0, cut.indexOf(0xc3) + 1))).toBe('utf-8');
  });

  it('finds the delimiter outside quotes and skips stray blank lines', () => {
    expect(detectDelimiter('Nom;Prénom;Mail')).toBe(';');
    expect(detectDelimiter('"Nom, usage",Prénom,Mail')).toBe(',');
    expect(detectDelimiter('ACA973|4101|EXEMPLE|Claire|c@b.fr')).toBe('|');
    expect(firstLine('\r\n;;;\r\nNom;Mail\r\n')).toBe('Nom;Mail');
    expect(() => detectDelimiter('juste du texte')).toThrow(FileRefusal);
  });

  it('refuses what is not text, whole', () => {
    expect(() => assertText(Buffer.from('%PDF-1.7\n...'))).toThrow(/PDF/);
    expect(() => assertText(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2]))).toThrow(/XLSX/);
    expect(() => assertText(Buffer.from('N\u0000o\u0000m\u0000', 'latin1'))).toThrow(/nuls/);
    expect(() => assertText(Buffer.from('Nom;Mail\r\n'))).not.toThrow();
  });

  it('maps headers and their variants, and names the missing column', () => {
    expect(mapHeader(['NOM', 'Prénom', 'Adresse mail', 'Fonction', 'Grade', 'RNE'])).toEqual({
      roles: ['lastName', 'firstName', 'mail', 'function', 'grade', 'uai'],
      format: 'spreadsheet',
    });
    expect(mapHeader(['Nom', 'Mail', 'Fonction', 'Grade'])).toEqual({ roles: ['fullName', 'mail', 'function', 'grade'], format: 'mailexport' });
    expect(mapHeader(['Nom de famille', 'Prenom', 'E-mail', 'Commentaire']).roles).toEqual(['lastName', 'firstName', 'mail', null]);
    expect(() => mapHeader(['Nom', 'Prénom', 'Téléphone'])).toThrow(/Mail/);
  });

  it('reads GAIA participant lines and rejects the wrong field count', () => {
    expect(looksLikeGaia(['ACA973', '4101', 'EXEMPLE', 'Claire', 'c@ac-exemple.fr'], '|')).toBe(true);
    expect(looksLikeGaia(['Nom', 'Mail'], ';')).toBe(false);
    const layout = { format: 'gaia' as const, roles: [] };
    expect(interpretRow(layout, ['ACA973', '4101', 'EXEMPLE', 'Claire', 'c@ac-exemple.fr'])).toMatchObject({ gaiaSessionId: 4101, person: { lastName: 'EXEMPLE' } });
    expect(interpretRow(layout, ['ACA973', '4101', 'EXEMPLE'])).toMatchObject({ problem: { code: 'wrong_field_count' } });
    expect(interpretRow(layout, ['ACA973', 'x1', 'EXEMPLE', 'Claire', 'c@b.fr'])).toMatchObject({ problem: { code: 'invalid_session' } });
  });

  it('neutralises formulas when re-exporting a cell', () => {
    expect(neutraliseCell("=cmd|' /C calc'!A0")).toBe("'=cmd|' /C calc'!A0");
    expect(neutraliseCell('+33 6')).toBe("'+33 6");
    expect(neutraliseCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutraliseCell('EXEMPLE')).toBe('EXEMPLE');
    expect(neutraliseCell(null)).toBe('');
  });
});
