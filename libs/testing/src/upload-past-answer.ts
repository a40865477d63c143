import { connect } from 'node:net';

export interface UploadPastAnswer {
  host: string;
  port: number;
  /** The request line and headers, without the blank line (Connection: close and Content-Length are added). */
  head: string;
  /** What leaves before the answer: the bytes the server refuses the file on. */
  first: Buffer;
  /** What leaves once the answer has begun: a caller that had queued it all is still sending. */
  rest: Buffer[];
}

/**
 * A caller still sending its body when the server has answered (what a loaded machine produces at random): sends the
 * head and `first`, waits for the answer's head, then sends `rest`. Resolves
 * with the answer's text once the server closes; rejects with the socket's error (EPIPE, ECONNRESET) when the server
 * closed on a caller still sending.
 */
export function uploadPastAnswer({ host, port, head, first, rest }: UploadPastAnswer): Promise<string> {
  const length = first.length + rest.reduce((sum, part) => sum + part.length, 0);
  return new Promise((resolve, reject) => {
    let text = '';
    let sentRest = false;
    const socket = connect({ host, port }, () => {
      socket.write(`${head}\r\nConnection: close\r\nContent-Length: ${length}\r\n\r\n`);
      socket.write(first);
    });
    socket.on('data', (data: Buffer) => {
      text += data.toString('utf8');
      if (text.includes('\r\n\r\n') && !sentRest) {
        sentRest = true;
        for (const part of rest) socket.write(part);
      }
    });
    socket.on('error', reject);
    socket.on('end', () => (sentRest ? resolve(text) : reject(new Error(`closed before its answer began: ${text}`))));
  });
}
