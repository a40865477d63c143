import express from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { uploadPastAnswer } from '@forma/testing';
import { lingeringClose } from './lingering-close';

/** 4 MiB whose first 256 KiB are answered at once: the rest leaves once the answer has been read. */
function uploadWhileAnswered(port: number): Promise<string> {
  const chunk = Buffer.alloc(256 * 1024, 7);
  return uploadPastAnswer({
    host: '127.0.0.1',
    port,
    head: 'POST /upload HTTP/1.1\r\nHost: x\r\nContent-Type: text/csv',
    first: chunk,
    rest: Array.from({ length: 15 }, () => chunk),
  });
}

async function serve(linger: boolean): Promise<Server> {
  const app = express();
  if (linger) app.use(lingeringClose);
  app.post('/upload', (_request, response) => void response.status(415).json({ code: 'not_csv' }));
  return new Promise((resolve) => {
    const server = app.listen(0, '127.0.0.1', () => resolve(server));
  });
}

describe('lingeringClose: an answer given before the upload has all arrived', () => {
  it('reaches a caller that goes on sending after it (busy elsewhere), the rest being read and dropped', async () => {
    const server = await serve(true);
    try {
      await expect(uploadWhileAnswered((server.address() as AddressInfo).port)).resolves.toMatch(
        /^HTTP\/1.1 415 .*"code":"not_csv"/s,
      );
    } finally {
      server.close();
    }
  });

  it('(without it, the same caller loses its connection while still sending)', async () => {
    const server = await serve(false);
    try {
      await expect(uploadWhileAnswered((server.address() as AddressInfo).port)).rejects.toThrow(
        /EPIPE|ECONNRESET|write after end/,
      );
    } finally {
      server.close();
    }
  });
});
