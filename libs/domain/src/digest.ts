import { createHash } from 'node:crypto';

/** The SHA-256 of some bytes or text, in lower-case hex (what documents, files and digests state). */
export function sha256Hex(content: string | Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}
