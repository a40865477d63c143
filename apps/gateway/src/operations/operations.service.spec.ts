import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { readOutboxes } from './operations.service';

describe('the outboxes an operator sees', () => {
  it('reads each service’s outbox from its health: the backlog and the oldest’s age, or that it does not answer', async () => {
    // a service answering /health as the services do (terminus, the outbox probe's figures beside its status)
    const server = createServer((_, response) => {
      response.writeHead(503, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          status: 'error',
          details: { outbox: { status: 'down', message: 'broker unreachable', backlog: 42, oldestSeconds: 90 } },
        }),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const env = Object.fromEntries(
        ['CATALOG', 'ATTENDANCE', 'REMUNERATION', 'REPORTING'].map((s) => [`${s}_URL`, 'http://127.0.0.1:9']),
      );
      const { outboxes } = await readOutboxes({ ...env, ENROLMENT_URL: url });
      expect(outboxes.map((o) => o.service).sort()).toEqual([
        'attendance',
        'catalog',
        'enrolment',
        'remuneration',
        'reporting',
      ]);
      expect(outboxes.find((o) => o.service === 'enrolment')).toEqual({
        service: 'enrolment',
        up: false,
        backlog: 42,
        oldestSeconds: 90,
      });
      expect(outboxes.find((o) => o.service === 'catalog')).toEqual({
        service: 'catalog',
        up: false,
        backlog: null,
        oldestSeconds: null,
      });
    } finally {
      server.close();
    }
  });
});
