import { InternalIdentitySigner } from '@forma/auth';
import { configureHttpApp } from '@forma/platform';
import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { exportJWK, generateKeyPair, JWK, KeyLike, SignJWT } from 'jose';
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import { GATEWAY_APP, GatewayModule } from '../gateway.module';

// An académie's OIDC provider, played by a local JWKS endpoint; the gateway created as production creates it.
const ISSUER = 'https://idp.ac-exemple.fr/realms/agents';
const SECRET = 'jwks-spec-internal-secret-0123456789abcdef';

function listen(handler: Parameters<typeof createServer>[1]): Promise<{ server: Server; url: string }> {
  const server = createServer(handler);
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () =>
      done({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }),
    ),
  );
}

describe('users’ tokens from an OIDC provider (JWKS)', () => {
  let app: INestApplication;
  let idp: { server: Server; url: string };
  let reporting: { server: Server; url: string };
  const jwks: { keys: JWK[] } = { keys: [] };
  const keys = new Map<string, { privateKey: KeyLike; alg: string }>();
  const forwarded: IncomingHttpHeaders[] = [];
  const saved = { ...process.env };

  async function addKey(kid: string, alg: 'RS256' | 'ES256'): Promise<void> {
    const { publicKey, privateKey } = await generateKeyPair(alg);
    keys.set(kid, { privateKey, alg });
    jwks.keys.push({ ...(await exportJWK(publicKey)), kid, alg, use: 'sig' });
  }

  /** A token as the provider issues it: its group names, its académie claims. */
  async function token(
    kid: string,
    over: { iss?: string; aud?: string; exp?: number; groups?: string[] } = {},
  ): Promise<string> {
    const key = keys.get(kid)!;
    return new SignJWT({
      groups: over.groups ?? ['GRP_DAFPEN'],
      niveau: 'academie',
      code: 'guyane',
      academie: 'guyane',
      name: 'Agent Fictif',
    })
      .setProtectedHeader({ alg: key.alg, kid })
      .setSubject('agent-fictif-1')
      .setIssuer(over.iss ?? ISSUER)
      .setAudience(over.aud ?? 'forma-api')
      .setIssuedAt()
      .setExpirationTime(over.exp ?? Math.floor(Date.now() / 1000) + 300)
      .sign(key.privateKey);
  }

  const offer = (bearer: string) =>
    request(app.getHttpServer()).get('/api/v1/reports/offer').set('authorization', `Bearer ${bearer}`);

  beforeAll(async () => {
    await addKey('k1', 'RS256');
    await addKey('e1', 'ES256');
    idp = await listen((_, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(jwks)),
    );
    reporting = await listen((req, res) => {
      forwarded.push(req.headers);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"items":[],"nextCursor":null}');
    });
    Object.assign(process.env, {
      INTERNAL_AUTH_SECRET: SECRET,
      AUTH_JWKS_URL: `${idp.url}/protocol/openid-connect/certs`,
      AUTH_JWT_ISSUER: ISSUER,
      AUTH_CLOCK_SKEW_SECONDS: '30',
      AUTH_JWKS_COOLDOWN_SECONDS: '0', // the JWKS is fetched again as soon as a token names a key it does not know
      AUTH_CLAIMS: JSON.stringify({
        roles: 'groups',
        roleNames: { GRP_DAFPEN: 'dafpen-admin', GRP_ELEVE: 'participant' },
        scopeLevel: 'niveau',
        scopeCode: 'code',
        academy: 'academie',
      }),
      REPORTING_URL: reporting.url,
      LOG_LEVEL: 'silent',
    });
    delete process.env.AUTH_JWT_SECRET;
    delete process.env.AUTH_DEV_ISSUER_ENABLED;
    delete process.env.FORMA_MODE;
    const moduleRef = await Test.createTestingModule({ imports: [GatewayModule.create(process.env)] }).compile();
    app = moduleRef.createNestApplication({ bodyParser: false, logger: false });
    configureHttpApp(app, GATEWAY_APP);
    await app.init();
  });

  afterAll(async () => {
    await app?.close();
    idp?.server.close();
    reporting?.server.close();
    process.env = saved;
  });

  it('accepts RS256 and ES256 tokens of the provider, mapping its claims to role and scope', async () => {
    for (const kid of ['k1', 'e1']) expect((await offer(await token(kid))).status).toBe(200);
    const identity = new InternalIdentitySigner(SECRET).verify(forwarded.at(-1)!['x-forma-identity'] as string);
    expect(identity).toEqual({
      sub: 'agent-fictif-1',
      name: 'Agent Fictif',
      roles: ['dafpen-admin'],
      scope: { level: 'academie', code: 'guyane', academy: 'guyane' },
    });
  });

  it('refuses with 401: expired, wrong audience, wrong issuer, unknown key, alg none, garbage', async () => {
    const past = Math.floor(Date.now() / 1000) - 120; // beyond the 30 s of clock skew allowed
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(
      JSON.stringify({
        sub: 'x',
        iss: ISSUER,
        aud: 'forma-api',
        exp: Math.floor(Date.now() / 1000) + 300,
        groups: ['GRP_DAFPEN'],
        niveau: 'academie',
        code: 'guyane',
        academie: 'guyane',
      }),
    ).toString('base64url')}.`;
    const { privateKey } = await generateKeyPair('RS256'); // a key the provider never published
    const stranger = await new SignJWT({ groups: ['GRP_DAFPEN'] })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setSubject('x')
      .setIssuer(ISSUER)
      .setAudience('forma-api')
      .setExpirationTime('5m')
      .sign(privateKey);
    const cases: [string, string][] = [
      ['expired', await token('k1', { exp: past })],
      ['wrong audience', await token('k1', { aud: 'another-api' })],
      ['wrong issuer', await token('k1', { iss: 'https://idp.autre-academie.fr' })],
      ['unknown key', stranger],
      ['alg none', unsigned],
      ['garbage', 'not-a-jwt'],
    ];
    for (const [what, bearer] of cases) {
      const answer = await offer(bearer);
      expect([what, answer.status, answer.body.code]).toEqual([what, 401, 'unauthenticated']);
    }
    expect((await request(app.getHttpServer()).get('/api/v1/reports/offer')).status).toBe(401);
  });

  it('follows a key rotation: a token signed with a key published after start is accepted', async () => {
    await addKey('k2', 'RS256');
    expect((await offer(await token('k2'))).status).toBe(200);
  });

  it('refuses with 403 a valid token whose role may not use the route, and one with no role Forma knows', async () => {
    const participant = await offer(await token('k1', { groups: ['GRP_ELEVE'] }));
    expect([participant.status, participant.body.code]).toEqual([403, 'forbidden_role']);
    const unknownRole = await offer(await token('k1', { groups: ['GRP_INCONNU'] }));
    expect(unknownRole.status).toBe(401); // no role at all: not an identity Forma can use
  });
});
