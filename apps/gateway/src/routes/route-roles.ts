import type { OpenAPIObject } from '@nestjs/swagger';

interface RouteRoles {
  method: string;
  pattern: RegExp;
  /**
   * Path parameters in the template: the fewer, the more specific (`/registrations/export.csv` before
   * `/registrations/{id}`).
   */
  parameters: number;
  roles: string[];
}

/**
 * The roles of each forwarded route, read from the services' OpenAPI documents (`x-forma-roles`, which each service's
 * `@Authorize` writes): the gateway refuses a role a route does not allow before forwarding, and the service checks
 * again (it never trusts the gateway). A path no document knows is forwarded: the service answers for it.
 */
export class RouteRolesTable {
  private readonly routes: RouteRoles[] = [];

  constructor(documents: OpenAPIObject[]) {
    for (const document of documents) {
      for (const [path, item] of Object.entries(document.paths ?? {})) {
        for (const [method, operation] of Object.entries(item as Record<string, { 'x-forma-roles'?: string[] }>)) {
          const roles = operation?.['x-forma-roles'];
          if (!Array.isArray(roles)) continue;
          const source = path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '[^/]+');
          this.routes.push({
            method: method.toUpperCase(),
            pattern: new RegExp(`^${source}$`),
            parameters: (path.match(/\{/g) ?? []).length,
            roles,
          });
        }
      }
    }
    this.routes.sort((a, b) => a.parameters - b.parameters);
  }

  get size(): number {
    return this.routes.length;
  }

  /** The roles allowed on `method path` (the query string left out), or undefined when no document names the route. */
  rolesFor(method: string, path: string): string[] | undefined {
    const bare = path.split('?')[0];
    return this.routes.find((r) => r.method === method.toUpperCase() && r.pattern.test(bare))?.roles;
  }
}
