import iconv from 'iconv-lite';
import { assertText, detectDelimiter, FileRefusal, firstLine, looksLikeGaia, mapHeader, Utf8Check } from './csv-format';
import { neutraliseCell } from '@forma/http';
import { interpretRow } from './import-row';

describe('reading the files staff actually have', () => {
  it('tells UTF-8 from Windows-1252 on the whole stream, whatever the chunks', () => {
    const text = 'Nom;Prénom;Mail\r\nÉTÉ;Zoé;zoe@ac-exemple.fr\r\n';
    const check = (bytes: Buffer, cut: number) => {
      const utf8 = new Utf8Check();
      utf8.update(bytes.subarray(0, cut));
      utf8.update(bytes.subarray(cut));
      return utf8.end();
    };
    const utf8 = Buffer.from(text, 'utf8');
    expect(check(utf8, utf8.indexOf(0xc3) + 1)).toBe(true); // a character cut between two chunks is fine
    expect(check(iconv.encode(text, 'windows-1252'), 5)).toBe(false);
    expect(check(Buffer.from('Nom;Pr\u00e9', 'utf8').subarray(0, 7), 3)).toBe(false); // cut at the very end: not UTF-8
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
    expect(mapHeader(['Nom', 'Mail', 'Fonction', 'Grade'])).toEqual({
      roles: ['fullName', 'mail', 'function', 'grade'],
      format: 'mailexport',
    });
    expect(mapHeader(['Nom de famille', 'Prenom', 'E-mail', 'Commentaire']).roles).toEqual([
      'lastName',
      'firstName',
      'mail',
      null,
    ]);
    expect(() => mapHeader(['Nom', 'Prénom', 'Téléphone'])).toThrow(/Mail/);
  });

  it('reads GAIA participant lines and rejects the wrong field count', () => {
    expect(looksLikeGaia(['ACA973', '4101', 'EXEMPLE', 'Claire', 'c@ac-exemple.fr'], '|')).toBe(true);
    expect(looksLikeGaia(['Nom', 'Mail'], ';')).toBe(false);
    const layout = { format: 'gaia' as const, roles: [] };
    expect(interpretRow(layout, ['ACA973', '4101', 'EXEMPLE', 'Claire', 'c@ac-exemple.fr'])).toMatchObject({
      gaiaSessionId: 4101,
      person: { lastName: 'EXEMPLE' },
    });
    expect(interpretRow(layout, ['ACA973', '4101', 'EXEMPLE'])).toMatchObject({
      problem: { code: 'wrong_field_count' },
    });
    expect(interpretRow(layout, ['ACA973', 'x1', 'EXEMPLE', 'Claire', 'c@b.fr'])).toMatchObject({
      problem: { code: 'invalid_session' },
    });
  });

  it('neutralises formulas when re-exporting a cell', () => {
    expect(neutraliseCell("=cmd|' /C calc'!A0")).toBe("'=cmd|' /C calc'!A0");
    expect(neutraliseCell('+33 6')).toBe("'+33 6");
    expect(neutraliseCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutraliseCell('EXEMPLE')).toBe('EXEMPLE');
    expect(neutraliseCell(null)).toBe('');
  });
});
