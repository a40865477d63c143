import { isMultipart, ProblemError, receiveUpload } from '@forma/http';
import type { Request } from 'express';

/**
 * An uploaded file: the raw body (text/csv, text/plain, application/octet-stream) or the `file` field of an HTML form
 * (multipart/form-data), refused above `limit` bytes.
 */
export async function readBody(request: Request, limit: number): Promise<Buffer> {
  const source = isMultipart(request) ? (await receiveUpload(request, 'file')).file : request;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of source as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      throw new ProblemError(413, 'file_too_large', `Fichier trop volumineux (plus de ${Math.round(limit / 1024 / 1024)} Mo).`);
    }
    chunks.push(chunk);
  }
  if (!size) throw new ProblemError(400, 'empty_file', 'Le fichier envoyé est vide.', [{ field: 'file', rule: 'required', message: 'file : vide' }]);
  return Buffer.concat(chunks);
}
