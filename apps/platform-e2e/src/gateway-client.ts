import { EventEnvelope, uaiCheckLetter } from '@forma/contracts';
import { eventually } from '@forma/testing';
import { request } from './checked-request';
import { devTokens, TokenScope } from './app-process';

/** A caller: a role name (académie-wide in Paris), or a role with its académie and scope. */
export type Caller = string | ({ role: string; academy?: string } & TokenScope);

/**
 * A test's way into the platform: development tokens per role and académie, and `/api/v1` calls through the gateway.
 */
export function gatewayClient(gateway: () => string) {
  const token = devTokens(gateway);
  const bearer = (as: Caller) => (typeof as === 'string' ? token(as) : token(as.role, as.academy, as));
  const api = async (
    method: 'get' | 'post' | 'put' | 'patch',
    path: string,
    body?: object,
    as: Caller = 'dafpen-admin',
  ) => {
    const call = request(gateway())
      [method](`/api/v1${path}`)
      .set('authorization', await bearer(as));
    return body ? call.send(body) : call;
  };
  /** The ETag a resource answers now (what an update sends back in If-Match). */
  const etag = async (path: string, as: Caller = 'dafpen-admin'): Promise<string> =>
    (await api('get', path, undefined, as)).headers.etag as string;
  /** PUT with the resource's current ETag in If-Match (read from `versioned`, the resource the write changes). */
  const putVersioned = async (path: string, versioned: string, body: object, as: Caller = 'dafpen-admin') =>
    request(gateway())
      .put(`/api/v1${path}`)
      .set('authorization', await bearer(as))
      .set('if-match', await etag(versioned, as))
      .send(body);
  /** Polls an import job until it is no longer running. */
  const importFinished = (jobId: string): Promise<Record<string, unknown>> =>
    eventually(
      async () => {
        const job = (await api('get', `/enrolment-imports/${jobId}`)).body;
        return job.state !== 'running' ? job : undefined;
      },
      `import ${jobId} to finish`,
      60000,
    );
  /** A download (PDF, ZIP, CSV...) through the gateway, its body as bytes. */
  const downloadBytes = async (path: string, as: Caller = 'dafpen-admin') =>
    request(gateway())
      .get(`/api/v1${path}`)
      .set('authorization', await bearer(as))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
  /** A download (CSV...) through the gateway, its body as text. */
  const download = async (path: string, as: Caller = 'dafpen-admin') => {
    const answer = await downloadBytes(path, as);
    return Object.assign(answer, { body: (answer.body as Buffer).toString('utf8') });
  };
  return {
    token,
    bearer,
    admin: () => token('dafpen-admin'),
    api,
    etag,
    putVersioned,
    importFinished,
    download,
    downloadBytes,
  };
}

/** Waits until `received` (filled by a consumer started with consumeFromNow) holds `n` events of `type` for `key`. */
export function eventsOn(received: EventEnvelope[]) {
  return (key: string, type: string, n = 1): Promise<EventEnvelope[]> =>
    eventually(
      async () => {
        const found = received.filter((e) => e.key === key && e.type === type);
        return found.length >= n ? found : undefined;
      },
      `${n} ${type} for ${key} on Kafka`,
      120000,
    ); // the outbox relay and the broker share two busy cores with every suite in CI
}

/** A valid UAI from its 7 digits (the check letter computed). */
export const uai = (digits: string) => `${digits}${uaiCheckLetter(digits)}`;

/** A fictitious member of staff as a registration names them. */
export const person = (i: number | string, extra: object = {}) => ({
  mail: `personne.fictive${i}@ac-exemple.fr`,
  lastName: `FICTIF${i}`,
  firstName: 'Camille',
  function: 'ENS',
  grade: 'P ECOLE CN',
  ...extra,
});
