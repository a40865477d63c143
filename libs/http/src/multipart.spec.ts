import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { ProblemError } from './problem';
import { isMultipart, receiveUpload } from './multipart';

const BOUNDARY = '----forma-test-boundary';

function request(body: string | Buffer, contentType = `multipart/form-data; boundary=${BOUNDARY}`): IncomingMessage {
  const stream = Readable.from([Buffer.from(body)]) as unknown as IncomingMessage;
  stream.headers = { 'content-type': contentType };
  return stream;
}

function form(parts: { name: string; value: string; fileName?: string }[]): string {
  const lines = parts.flatMap(({ name, value, fileName }) => [
    `--${BOUNDARY}`,
    `Content-Disposition: form-data; name="${name}"${fileName ? `; filename="${fileName}"` : ''}`,
    ...(fileName ? ['Content-Type: text/csv'] : []),
    '',
    value,
  ]);
  return [...lines, `--${BOUNDARY}--`, ''].join('\r\n');
}

async function problem(promise: Promise<unknown>): Promise<{ status: number; code: string; field?: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ProblemError) {
      const body = error.getResponse() as { code: string; errors: { field: string }[] };
      return { status: error.getStatus(), code: body.code, field: body.errors[0]?.field };
    }
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('receiveUpload (multipart/form-data)', () => {
  it('streams the file part and gives the fields sent before it', async () => {
    const csv = 'Nom;Mail\r\nFICTIF Léa;lea.fictif@ac-exemple.fr\r\n';
    const upload = await receiveUpload(
      request(
        form([
          { name: 'sessionId', value: '0196a0c4-0000-7000-8000-000000000001' },
          { name: 'file', value: csv, fileName: 'liste.csv' },
        ]),
      ),
    );
    expect(upload.fields).toEqual({ sessionId: '0196a0c4-0000-7000-8000-000000000001' });
    expect(upload.fileName).toBe('liste.csv');
    expect(await text(upload.file)).toBe(csv);
  });

  it('skips other file parts and takes the one named file', async () => {
    const upload = await receiveUpload(
      request(
        form([
          { name: 'other', value: 'x', fileName: 'a.txt' },
          { name: 'file', value: 'bon', fileName: 'b.csv' },
        ]),
      ),
    );
    expect([upload.fileName, await text(upload.file)]).toEqual(['b.csv', 'bon']);
  });

  it('refuses a form without the file (missing_file), a body without boundary and a field too long (invalid_multipart)', async () => {
    expect(await problem(receiveUpload(request(form([{ name: 'sessionId', value: 'x' }]))))).toEqual({
      status: 400,
      code: 'missing_file',
      field: 'file',
    });
    expect(await problem(receiveUpload(request('x', 'multipart/form-data')))).toMatchObject({
      status: 400,
      code: 'invalid_multipart',
    });
    expect(
      await problem(
        receiveUpload(
          request(
            form([
              { name: 'fileName', value: 'n'.repeat(5000) },
              { name: 'file', value: 'x', fileName: 'f.csv' },
            ]),
          ),
        ),
      ),
    ).toMatchObject({
      status: 400,
      code: 'invalid_multipart',
    });
  });

  it('tells a form upload from a raw body', () => {
    expect(isMultipart(request('', `multipart/form-data; boundary=${BOUNDARY}`))).toBe(true);
    expect(isMultipart(request('', 'text/csv'))).toBe(false);
  });
});
