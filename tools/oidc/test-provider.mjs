// A local OpenID provider for the admin app's browser test (issue 26): panva's oidc-provider (OpenID Certified), in a
// process of its own (the package is ESM only), standing in for an académie's identity provider. The authorization
// code flow with PKCE for a public client; access tokens are JWTs (RS256, its JWKS at /jwks) for the Forma API's
// audience, carrying the académie's claims for the account that signs in; refresh tokens renew them. Its development
// pages ask a login (any password) and the consent.
//   PORT=0 FORMA_OIDC_ACCOUNTS='{"camille":{...claims}}' ACCESS_TOKEN_TTL=600 node tools/oidc/test-provider.mjs
// It prints `issuer <url>` once it listens. The client registers itself (dynamic registration, client_id forma-admin)
// once the gateway's address is known.
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import Provider from 'oidc-provider';

export const AUDIENCE = process.env.FORMA_OIDC_AUDIENCE ?? 'forma-api';
const accounts = JSON.parse(process.env.FORMA_OIDC_ACCOUNTS ?? '{}');
const accessTtl = Number(process.env.ACCESS_TOKEN_TTL ?? 600);

const server = createServer();
await new Promise((resolve) => server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });

const provider = new Provider(issuer, {
  jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), alg: 'RS256', use: 'sig' }] },
  cookies: { keys: [randomUUID()] },
  claims: { openid: ['sub'], email: ['email'], profile: ['name'] },
  findAccount: (_ctx, id) =>
    accounts[id]
      ? { accountId: id, claims: () => ({ sub: id, email: accounts[id].email, name: accounts[id].name }) }
      : undefined,
  // the académie's claims in the access token the API verifies (roles and scope, as AUTH_CLAIMS maps them)
  extraTokenClaims: (_ctx, token) => {
    const account = accounts[token.accountId];
    if (!account) return undefined;
    const { email, name, ...claims } = account;
    return { email, name, ...claims };
  },
  features: {
    devInteractions: { enabled: true },
    registration: { enabled: true, idFactory: () => 'forma-admin' },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => `urn:${AUDIENCE}`,
      useGrantedResource: () => true,
      getResourceServerInfo: () => ({
        scope: 'api',
        audience: AUDIENCE,
        accessTokenTTL: accessTtl,
        accessTokenFormat: 'jwt',
        jwt: { sign: { alg: 'RS256' } },
      }),
    },
  },
  // a public client with PKCE renews its tokens with a refresh token (rotated at each use)
  issueRefreshToken: (_ctx, client) => client.grantTypeAllowed('refresh_token'),
  clientBasedCORS: () => true,
  pkce: { required: () => true },
});
provider.on('server_error', (_ctx, error) => console.error('[oidc] server error', error));
server.on('request', provider.callback());
console.log(`issuer ${issuer}`);
