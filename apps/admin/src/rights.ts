// What a role may do, read from the authorisation matrix the services enforce (docs/authorisation-matrix.json): what
// a role may not do is not offered (the API refuses it all the same).
import matrix from '@forma/authorisation-matrix';

const routes = matrix.routes as Record<string, string[]>;

export function may(role: string | undefined, route: string): boolean {
  return !!role && (routes[route] ?? []).includes(role);
}
