import { Logger } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import { openApiDirectory } from '@forma/platform';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ServiceName } from '../gateway.environment';
import { SERVICE_ROUTES } from '../routes/service-routes.http.controller';
import { PUBLIC_ROUTES } from '../routes/verification.http.controller';

const SCHEMA_REF = '#/components/schemas/';

/** True when `path` is one of the routes the gateway forwards under `prefixes` (/api/v1/<prefix>[/...]). */
function forwarded(path: string, prefixes: string[]): boolean {
  const segment = path.replace(/^\/api\/v1\//, '').split('/')[0];
  return path.startsWith('/api/v1/') && prefixes.includes(segment);
}

/** Renames a service's schemas that clash with another shape of the same name, and every reference to them. */
function renameClashing(document: OpenAPIObject, service: string, taken: Record<string, unknown>): OpenAPIObject {
  const schemas = document.components?.schemas ?? {};
  const clashes = Object.keys(schemas).filter(
    (name) => name in taken && JSON.stringify(taken[name]) !== JSON.stringify(schemas[name]),
  );
  if (!clashes.length) return document;
  let text = JSON.stringify(document);
  for (const name of clashes) {
    text = text.split(`"${SCHEMA_REF}${name}"`).join(`"${SCHEMA_REF}${service}.${name}"`);
  }
  const renamed = JSON.parse(text) as OpenAPIObject;
  const own = renamed.components?.schemas ?? {};
  for (const name of clashes) {
    own[`${service}.${name}`] = own[name];
    delete own[name];
  }
  return renamed;
}

/**
 * The gateway's public API in one document: its own routes, and the routes it forwards to each service as that
 * service documents them (`SERVICE_ROUTES`), with their schemas. A schema name two services use for different shapes
 * is prefixed by the service's name.
 */
export function mergeServiceDocuments(
  own: OpenAPIObject,
  services: Partial<Record<ServiceName, OpenAPIObject>>,
  routes: Partial<Record<ServiceName, string[]>> = SERVICE_ROUTES,
  publicRoutes: Partial<Record<ServiceName, string[]>> = PUBLIC_ROUTES,
): OpenAPIObject {
  const merged: OpenAPIObject = structuredClone(own);
  merged.components ??= {};
  merged.components.schemas ??= {};
  const tags = new Map((merged.tags ?? []).map((t) => [t.name, t]));
  for (const [service, prefixes] of Object.entries(routes) as [ServiceName, string[]][]) {
    const source = services[service];
    if (!source) continue;
    const document = renameClashing(source, service, merged.components.schemas);
    for (const [path, item] of Object.entries(document.paths ?? {})) {
      if (forwarded(path, prefixes) && !merged.paths[path]) merged.paths[path] = item;
      if (publicRoutes[service]?.includes(path) && !merged.paths[path]) merged.paths[path] = asPublic(item);
    }
    Object.assign(merged.components.schemas, document.components?.schemas ?? {});
    for (const tag of document.tags ?? []) if (!tags.has(tag.name)) tags.set(tag.name, tag);
  }
  if (tags.size) merged.tags = [...tags.values()];
  merged.paths = Object.fromEntries(Object.entries(merged.paths).sort(([a], [b]) => a.localeCompare(b)));
  return merged;
}

/** A route anyone may call: no bearer token, and limited per address (edge/rate-limits.ts). */
function asPublic(item: OpenAPIObject['paths'][string]): OpenAPIObject['paths'][string] {
  const copy = structuredClone(item);
  for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) {
    const operation = copy[method];
    if (!operation) continue;
    operation.security = [];
    operation.description = `${operation.description ? `${operation.description}\n\n` : ''}Route publique, sans jeton ; limitée par adresse (429 \`rate_limited\` avec \`Retry-After\`).`;
    operation.responses = {
      ...operation.responses,
      '429': {
        description:
          'Trop de demandes depuis cette adresse : réessayer après `Retry-After` secondes (problem+json, code `rate_limited`).',
      },
    };
  }
  return copy;
}

/**
 * The document the gateway serves at /docs: its own, merged with the services' committed documents
 * (docs/openapi/<service>.yaml, generated from the same commit and checked by the tests). Without them, its own.
 */
export function platformDocument(own: OpenAPIObject): OpenAPIObject {
  return mergeServiceDocuments(own, serviceDocuments());
}

/** The services' committed OpenAPI documents (docs/openapi/<service>.yaml), those that are there. */
export function serviceDocuments(): Partial<Record<ServiceName, OpenAPIObject>> {
  const logger = new Logger('OpenAPI');
  const directory = openApiDirectory();
  const services: Partial<Record<ServiceName, OpenAPIObject>> = {};
  for (const service of Object.keys(SERVICE_ROUTES) as ServiceName[]) {
    const file = directory && join(directory, `${service}.yaml`);
    if (file && existsSync(file)) services[service] = parse(readFileSync(file, 'utf8')) as OpenAPIObject;
    else
      logger.warn(
        `no OpenAPI document for ${service} (docs/openapi/${service}.yaml): /docs shows, and the gateway checks the roles of, its own routes only`,
      );
  }
  return services;
}
