import busboy from 'busboy';
import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { ProblemError } from './problem';

export interface Upload {
  /** The file's bytes, streamed as they arrive (never held in memory). */
  file: Readable;
  /** The name the client gave the file, if any. */
  fileName?: string;
  /** The text fields sent before the file. */
  fields: Record<string, string>;
}

/** True when the request carries an HTML form upload (`multipart/form-data`). */
export function isMultipart(request: IncomingMessage): boolean {
  return /^multipart\/form-data\b/i.test(request.headers['content-type'] ?? '');
}

/**
 * Reads a `multipart/form-data` request (busboy, streaming) up to its file part named `fieldName`, and resolves with
 * that part's stream and the text fields that came before it (a browser sends a form's fields in their order: put
 * the file last). Refused with 400: no file part (`missing_file`), a malformed body (`invalid_multipart`), too many
 * or too long fields. Other file parts are drained and ignored.
 */
export function receiveUpload(request: IncomingMessage, fieldName = 'file'): Promise<Upload> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: request.headers, limits: { files: 5, fields: 20, fieldSize: 4096, parts: 25 } });
    } catch (error) {
      reject(
        new ProblemError(400, 'invalid_multipart', `Formulaire multipart illisible : ${(error as Error).message}.`, [
          {
            field: 'content-type',
            rule: 'invalid_multipart',
            message: 'content-type : multipart/form-data sans délimiteur (boundary)',
          },
        ]),
      );
      return;
    }
    const fields: Record<string, string> = {};
    let file: Readable | undefined;
    parser.on('field', (name, value, info) => {
      if (info.valueTruncated) {
        parser.emit('error', new Error(`le champ ${name} est trop long`));
        return;
      }
      fields[name] = value;
    });
    parser.on('fieldsLimit', () => parser.emit('error', new Error('trop de champs')));
    parser.on('file', (name, stream, info) => {
      if (name !== fieldName || file) {
        stream.resume();
        return;
      }
      file = stream;
      resolve({ file: stream, fileName: info.filename || undefined, fields });
    });
    parser.on('error', (error: Error) => {
      // once the file is being read, its stream carries the error to whoever reads it
      if (file) file.destroy(error);
      else
        reject(
          new ProblemError(400, 'invalid_multipart', `Formulaire multipart illisible : ${error.message}.`, [
            { field: fieldName, rule: 'invalid_multipart', message: `${fieldName} : ${error.message}` },
          ]),
        );
      request.unpipe(parser);
      request.resume();
    });
    parser.on('close', () => {
      if (!file) {
        reject(
          new ProblemError(
            400,
            'missing_file',
            `Aucun fichier dans le formulaire : envoyez-le dans le champ « ${fieldName} ».`,
            [{ field: fieldName, rule: 'missing_file', message: `${fieldName} : champ obligatoire` }],
          ),
        );
      }
    });
    request.pipe(parser);
  });
}

/**
 * A small uploaded file read whole (GAIA extracts, the school calendar): the raw body or the `file` field of an HTML
 * form, refused above `limit` bytes. Large files (participant imports) are streamed with `receiveUpload` instead.
 */
export async function readUpload(request: IncomingMessage, limit: number): Promise<Buffer> {
  const source = isMultipart(request) ? (await receiveUpload(request, 'file')).file : request;
  // read by events, not `for await`: a refusal must leave the request to be drained (a destroyed request closes the
  // socket under the gateway's pooled connection while it is still sending, and its next request fails)
  // a body already read (a JSON one, parsed before the route) has nothing left to give
  if (source.readableEnded || source.destroyed) {
    throw new ProblemError(400, 'empty_file', 'Le fichier envoyé est vide.', [
      { field: 'file', rule: 'required', message: 'file : vide' },
    ]);
  }
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    source.on('data', (chunk: Buffer) => {
      if (refused) return; // drained: read and dropped
      size += chunk.length;
      if (size > limit) {
        refused = true;
        chunks.length = 0;
        reject(
          new ProblemError(
            413,
            'file_too_large',
            `Fichier trop volumineux (plus de ${Math.round(limit / 1024 / 1024)} Mo).`,
          ),
        );
        return;
      }
      chunks.push(chunk);
    });
    source.on('error', (error) => {
      if (!refused) reject(error);
    });
    source.on('end', () => {
      if (refused) return;
      if (!size)
        reject(
          new ProblemError(400, 'empty_file', 'Le fichier envoyé est vide.', [
            { field: 'file', rule: 'required', message: 'file : vide' },
          ]),
        );
      else resolve(Buffer.concat(chunks));
    });
  });
}
