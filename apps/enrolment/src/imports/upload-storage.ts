import { ImportFormat } from '@forma/contracts';
import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { parse } from 'csv-parse';
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import iconv from 'iconv-lite';
import { ENROLMENT_SETTINGS, EnrolmentSettings } from '../enrolment.config';
import {
  assertText,
  detectDelimiter,
  FileEncoding,
  FileRefusal,
  firstLine,
  hasUtf8Bom,
  looksLikeGaia,
  mapHeader,
  Utf8Check,
} from './csv-format';
import { RowLayout } from './import-row';

const SAMPLE_BYTES = 64 * 1024;

export interface StoredUpload {
  path: string;
  sha256: string;
  bytes: number;
  /** Whether the whole file is strict UTF-8 (checked while it was stored, not guessed from its beginning). */
  utf8: boolean;
}

/** What sniffing the file's first 64 KiB tells: how to read its rows. */
export interface FileFacts {
  layout: RowLayout;
  encoding: FileEncoding;
  delimiter: string;
  hasHeader: boolean;
}

/**
 * Uploads wait in `IMPORT_DIR` while their job runs: streamed to disk (sha-256 on the way, refused past
 * `IMPORT_MAX_BYTES`), then sniffed (text? encoding? delimiter? GAIA or a header?) before any row is read.
 */
@Injectable()
export class UploadStorage implements OnApplicationBootstrap {
  constructor(@Inject(ENROLMENT_SETTINGS) private readonly settings: EnrolmentSettings) {}

  async onApplicationBootstrap(): Promise<void> {
    await mkdir(this.settings.imports.directory, { recursive: true });
  }

  pathFor(jobId: string): string {
    return join(this.settings.imports.directory, `${jobId}.csv`);
  }

  async store(body: Readable, path: string): Promise<StoredUpload> {
    const hash = createHash('sha256');
    const utf8 = new Utf8Check();
    const maxBytes = this.settings.imports.maxBytes;
    let bytes = 0;
    // the first bytes are checked as they arrive (issue 28): a binary file is refused before the rest is read
    let head: Buffer | undefined = Buffer.alloc(0);
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        if (head) {
          head = Buffer.concat([head, chunk]);
          if (head.length >= SAMPLE_BYTES) {
            try {
              assertText(head.subarray(0, SAMPLE_BYTES));
            } catch (refusal) {
              done(refusal as Error);
              return;
            }
            head = undefined;
          }
        }
        bytes += chunk.length;
        if (bytes > maxBytes) {
          done(
            new FileRefusal(
              'too_large',
              'file_too_large',
              `Fichier trop volumineux (plus de ${Math.round(maxBytes / 1024 / 1024)} Mo).`,
            ),
          );
          return;
        }
        hash.update(chunk);
        utf8.update(chunk);
        done(null, chunk);
      },
    });
    // the request is piped, not part of the pipeline: a refusal (binary, too large) stops the copy and leaves the rest
    // of the request to be drained, never destroyed (a destroyed request closes the gateway's pooled connection while
    // it is still sending)
    const copied = pipeline(meter, createWriteStream(path));
    body.on('error', (error) => meter.destroy(error));
    body.pipe(meter);
    try {
      await copied;
    } catch (error) {
      body.unpipe(meter);
      body.resume();
      throw error;
    }
    if (bytes === 0) throw new FileRefusal('bad_request', 'empty_file', 'Le fichier envoyé est vide.');
    return { path, sha256: hash.digest('hex'), bytes, utf8: utf8.end() };
  }

  /** How to read the file: its encoding (decided on the whole file), delimiter and layout (from its first line). */
  async sniff(upload: StoredUpload, format: ImportFormat | undefined): Promise<FileFacts> {
    const path = upload.path;
    const handle = await open(path, 'r');
    const sample = Buffer.alloc(SAMPLE_BYTES);
    const { bytesRead } = await handle.read(sample, 0, SAMPLE_BYTES, 0);
    await handle.close();
    const head = sample.subarray(0, bytesRead);
    assertText(head);
    const encoding: FileEncoding = hasUtf8Bom(head) || upload.utf8 ? 'utf-8' : 'windows-1252';
    const line = firstLine(iconv.decode(head, encoding));
    if (!line) throw new FileRefusal('invalid', 'empty_file', 'Le fichier ne contient aucune ligne.');
    const delimiter = detectDelimiter(line);
    const cells = await parseLine(line, delimiter);
    if (format === 'gaia' || (!format && looksLikeGaia(cells, delimiter))) {
      if (delimiter !== '|')
        throw new FileRefusal('invalid', 'not_gaia', 'Un extrait GAIA est séparé par des barres verticales (|).');
      return { layout: { format: 'gaia', roles: [] }, encoding, delimiter, hasHeader: false };
    }
    const header = mapHeader(cells);
    return { layout: { format: format ?? header.format, roles: header.roles }, encoding, delimiter, hasHeader: true };
  }

  async remove(path: string): Promise<void> {
    await rm(path, { force: true });
  }
}

async function parseLine(line: string, delimiter: string): Promise<string[]> {
  const parser = parse(line, { delimiter, relax_quotes: true, relax_column_count: true, bom: true });
  for await (const record of parser as AsyncIterable<string[]>) return record;
  return [];
}
