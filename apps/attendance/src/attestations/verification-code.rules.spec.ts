import { randomBytes } from 'node:crypto';
import { attestationFileName, canonicalCode, CODE_BYTES, verificationCode } from './verification-code.rules';

describe('verification codes', () => {
  it('writes 80 random bits as 16 Crockford characters and a check character', () => {
    const code = verificationCode(randomBytes(CODE_BYTES));
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}-[0-9A-HJKMNP-TV-Z*~$=U]$/);
    expect(canonicalCode(code)).toBe(code);
  });

  it('reads a code as typed: lower case, without dashes, O for 0 and L for 1', () => {
    const code = verificationCode(Buffer.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
    const typed = code.toLowerCase().replace(/-/g, '').replace(/0/g, 'o').replace(/1/g, 'l');
    expect(canonicalCode(typed)).toBe(code);
  });

  it('tells a mistyped code: one character changed or two swapped', () => {
    let caught = 0;
    for (let i = 0; i < 200; i += 1) {
      const code = verificationCode(randomBytes(CODE_BYTES)).replace(/-/g, '');
      const changed = code.slice(0, 3) + (code[3] === 'A' ? 'B' : 'A') + code.slice(4);
      const swapped = code[0] === code[1] ? null : code[1] + code[0] + code.slice(2);
      if (canonicalCode(changed) === null) caught += 1;
      if (swapped && canonicalCode(swapped) !== null) throw new Error(`swap not caught in ${code}`);
    }
    expect(caught).toBe(200);
  });

  it('refuses what cannot be a code', () => {
    expect(canonicalCode('')).toBeNull();
    expect(canonicalCode('ABCD-EFGH')).toBeNull();
    expect(canonicalCode('UUUU-UUUU-UUUU-UUUU-0')).toBeNull(); // U is a check symbol only
  });

  it('draws from the whole space: 10,000 codes, no repeat', () => {
    const codes = new Set(Array.from({ length: 10000 }, () => verificationCode(randomBytes(CODE_BYTES))));
    expect(codes.size).toBe(10000);
  });

  it('names the PDF after the code, a check character that is not a letter or a digit written _', () => {
    const byCheck = new Map<string, string>();
    for (let i = 0; byCheck.size < 37; i += 1) {
      const code = verificationCode(Buffer.from(i.toString(16).padStart(20, '0'), 'hex'));
      byCheck.set(code.slice(-1), code);
    }
    for (const [check, code] of byCheck) {
      const name = attestationFileName(code);
      expect(name).toMatch(/^attestation-[0-9A-Z]{4}(-[0-9A-Z]{4}){3}-[0-9A-Z_]\.pdf$/);
      expect(name).toBe(`attestation-${code.slice(0, -1)}${'*~$='.includes(check) ? '_' : check}.pdf`);
    }
  });
});
