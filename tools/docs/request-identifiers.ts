// The identifiers each route's requests carry (issue 22), read from the committed OpenAPI documents: path and query
// parameters and request-body fields (nested ones by their dotted path, `[]` for an array's items) whose name says they
// name something: an id, a UAI, a mail, a code, an académie, a department, a district. The authorisation matrix's
// `identifiers` section must give each one its kind and how it is scoped; tools/docs/authorisation-matrix.spec.ts fails
// on a new one without its row, and apps/platform-e2e/src/scope-matrix.int-spec.ts sends each one pointing into
// another académie.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';

const IDENTIFIER =
  /(^id$|Id$|Ids$|^uai$|Uai$|^uais$|^mail$|Mail$|^code$|^academy$|^academies$|Academy$|^department$|^district$)/;

type Schema = {
  $ref?: string;
  type?: string;
  items?: Schema;
  properties?: Record<string, Schema>;
  allOf?: Schema[];
  oneOf?: Schema[];
};
type Operation = {
  parameters?: { in: string; name: string }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
};
interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

function bodyFields(
  schema: Schema | undefined,
  schemas: Record<string, Schema>,
  prefix: string,
  seen: Set<string>,
): string[] {
  if (!schema) return [];
  if (schema.$ref) {
    const name = schema.$ref.split('/').pop() as string;
    return seen.has(name) ? [] : bodyFields(schemas[name], schemas, prefix, new Set([...seen, name]));
  }
  if (schema.type === 'array') return bodyFields(schema.items, schemas, `${prefix}[]`, seen);
  const fields: string[] = [];
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const path = prefix ? `${prefix}.${name}` : name;
    if (IDENTIFIER.test(name)) fields.push(path);
    fields.push(...bodyFields(property, schemas, path, seen));
  }
  for (const part of [...(schema.allOf ?? []), ...(schema.oneOf ?? [])])
    fields.push(...bodyFields(part, schemas, prefix, seen));
  return fields;
}

/** Route (`METHOD /path`) -> the identifiers its requests carry, as `path.<name>`, `query.<name>` or `body.<field>`. */
export function requestIdentifiers(apps: string[], root = resolve(__dirname, '../..')): Map<string, string[]> {
  const routes = new Map<string, string[]>();
  for (const app of apps) {
    const document = parse(readFileSync(resolve(root, 'docs/openapi', `${app}.yaml`), 'utf8')) as OpenApi;
    const schemas = document.components?.schemas ?? {};
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
        const found = (operation.parameters ?? [])
          .filter((p) => (p.in === 'path' || p.in === 'query') && IDENTIFIER.test(p.name))
          .map((p) => `${p.in}.${p.name}`);
        for (const [type, content] of Object.entries(operation.requestBody?.content ?? {})) {
          if (type.includes('json'))
            found.push(...bodyFields(content.schema, schemas, '', new Set()).map((f) => `body.${f}`));
        }
        routes.set(`${method.toUpperCase()} ${path}`, [...new Set(found)]);
      }
    }
  }
  return routes;
}
