// The demo's way into the platform: the typed client of the public API (@forma/api-client), a development token per
// caller from the gateway's development issuer, and waits that follow the platform's progress through its own reads.
import { formaClient, FormaClient } from '@forma/api-client';

export interface DemoCaller {
  role: string;
  academy: string;
  level?: 'academie' | 'department' | 'district' | 'school';
  code?: string;
  mail?: string;
}

/** An answer that is not the one expected: what was asked, the status, and the problem's code and French detail. */
export class DemoStepFailed extends Error {
  constructor(
    readonly step: string,
    readonly status: number,
    readonly problem: unknown,
  ) {
    super(`${step}: ${status} ${JSON.stringify(problem)}`);
  }
}

/** The demo finds its own data already there: played again, it would count its school year twice. */
export class DemoAlreadyPlayed extends Error {
  constructor(academy: string, schoolYear: string, wave: string) {
    super(
      `La démo a déjà été jouée sur ces bases : l’académie « ${academy} » a déjà sa vague ${wave} en ${schoolYear}. ` +
        'La rejouer compterait son année deux fois ; ses bilans restent consultables. ' +
        'Pour repartir de bases vides : npm run reset, puis npm start.',
    );
  }
}

interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The answer's body, or a DemoStepFailed naming the step. */
export async function expectOk<T>(step: string, call: Promise<Answer<T>>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok || data === undefined) throw new DemoStepFailed(step, response.status, error ?? data);
  return data;
}

/** Clients of the gateway at `gateway`, one per caller (their development tokens asked once). */
export function demoClients(gateway: string) {
  const clients = new Map<string, Promise<FormaClient>>();
  const token = async (caller: DemoCaller): Promise<string> => {
    // the development issuer is not in the public documents (production never mounts it): a plain call; the gateway
    // limits sign-ins per address and minute, and says when to come back (Retry-After)
    for (;;) {
      const answer = await signIn(caller);
      if (answer.status !== 429) return tokenOf(answer);
      const seconds = Number(answer.headers.get('retry-after') ?? 60);
      await new Promise((resolve) => setTimeout(resolve, Math.max(1, seconds) * 1000));
    }
  };
  const tokenOf = async (answer: Response): Promise<string> => {
    const body = (await answer.json()) as { accessToken?: string };
    if (!answer.ok || !body.accessToken)
      throw new DemoStepFailed('a development token (AUTH_DEV_ISSUER_ENABLED)', answer.status, body);
    return body.accessToken;
  };
  const signIn = (caller: DemoCaller) =>
    fetch(`${gateway}/api/v1/dev/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        sub: `demo-${caller.role}-${caller.mail ?? caller.code ?? caller.academy}`,
        roles: [caller.role],
        ...(caller.mail ? { mail: caller.mail } : {}),
        scope: { level: caller.level ?? 'academie', code: caller.code ?? caller.academy, academy: caller.academy },
      }),
    });
  return {
    token,
    as(caller: DemoCaller): Promise<FormaClient> {
      const key = JSON.stringify(caller);
      if (!clients.has(key))
        clients.set(
          key,
          token(caller).then((t) => formaClient(gateway, t)),
        );
      return clients.get(key)!;
    },
  };
}

/**
 * Calls `read` until it answers something, for as long as the platform moves: `progress` is read with it, and the
 * wait fails only when neither has changed for `stillFor` ms (a busy machine is slow, not stuck).
 */
export async function untilReady<T>(
  what: string,
  read: () => Promise<T | undefined>,
  progress: () => Promise<string>,
  stillFor = 60_000,
): Promise<T> {
  let last = await progress();
  let since = Date.now();
  for (let pause = 50; ; pause = Math.min(pause * 2, 1000)) {
    const found = await read();
    if (found !== undefined) return found;
    const now = await progress();
    if (now !== last) [last, since] = [now, Date.now()];
    else if (Date.now() - since > stillFor) throw new Error(`the demo waited for ${what}, and the platform stopped`);
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
}
