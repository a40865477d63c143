/**
 * Verification codes of attestations: 80 bits from a cryptographic random source, written in Crockford's base 32
 * (no I, L, O, U: nothing to misread), in groups of four, with Crockford's mod-37 check character so a mistyped code is
 * told apart from an unknown one. Pure: the random bytes are given.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CHECK_SYMBOLS = `${ALPHABET}*~$=U`;
export const CODE_BYTES = 10; // 80 bits

function valueOf(digits: string): bigint {
  let value = 0n;
  for (const c of digits) value = value * 32n + BigInt(ALPHABET.indexOf(c));
  return value;
}

/** The code for these random bytes (exactly 10): `XXXX-XXXX-XXXX-XXXX-C`. */
export function verificationCode(random: Uint8Array): string {
  if (random.length !== CODE_BYTES) throw new Error(`a verification code needs ${CODE_BYTES} random bytes`);
  let value = 0n;
  for (const byte of random) value = (value << 8n) | BigInt(byte);
  let digits = '';
  for (let i = 0; i < 16; i += 1) {
    digits = ALPHABET[Number(value & 31n)] + digits;
    value >>= 5n;
  }
  const check = CHECK_SYMBOLS[Number(valueOf(digits) % 37n)];
  return `${digits.match(/.{4}/g)!.join('-')}-${check}`;
}

/**
 * A code as someone typed or scanned it, in its canonical form; `null` when it cannot be one (wrong length, a
 * character outside the alphabet, a check character that does not match).
 */
export function canonicalCode(input: string): string | null {
  const text = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (text.length !== 17) return null;
  const digits = text.slice(0, 16);
  if ([...digits].some((c) => !ALPHABET.includes(c))) return null;
  const check = text[16];
  if (CHECK_SYMBOLS[Number(valueOf(digits) % 37n)] !== check) return null;
  return `${digits.match(/.{4}/g)!.join('-')}-${check}`;
}

/**
 * The file name of an attestation's PDF (download, mail attachment): `attestation-<code>.pdf`, with a check character
 * that is not a letter or a digit (`*`, `~`, `$`, `=`: one attestation in nine) written `_`. A browser saves `*` as
 * `_` anyway and Windows refuses it in a file name; the PDF itself carries the code as it is.
 */
export function attestationFileName(code: string): string {
  return `attestation-${code.replace(/[^0-9A-Z-]/g, '_')}.pdf`;
}
