// The typed client of Forma's public API, generated from docs/openapi (the gateway's document merged with the routes
// it forwards): `npm run docs:generate` writes ./forma-api.ts, and a test checks it is current. The operator CLI uses
// it, and so will the admin app: a route's path, parameters, body and answer are typed from the documents.
import createClient, { type Client } from 'openapi-fetch';
import type { paths } from './forma-api';

export type { components, paths } from './forma-api';
export type FormaClient = Client<paths>;

/** A client of the gateway at `baseUrl`, calling as the bearer of `token` (none: public routes only). */
export function formaClient(baseUrl: string, token?: string, fetch?: typeof globalThis.fetch): FormaClient {
  return createClient<paths>({
    baseUrl,
    headers: token ? { authorization: `Bearer ${token}` } : {},
    ...(fetch ? { fetch } : {}),
  });
}
export * from './jobs';
