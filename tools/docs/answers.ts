// The success bodies of the operations whose answer is a TypeScript type rather than a documented DTO class: each
// HTTP handler declares its answer type (`Promise<SessionSheet>`), and this turns that type into a schema
// (ts-json-schema-generator), so the documents say what the code returns and the e2e tests check every answer against
// them. `npm run docs:generate` writes docs/openapi/answers/<app>.json; each app merges its file into its document
// (libs/platform `withAnswers`), and a test checks the files are current.
import { readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import {
  createFormatter,
  createParser,
  DEFAULT_CONFIG,
  SchemaGenerator,
  type CompletedConfig,
} from 'ts-json-schema-generator';
import ts from 'typescript';
import type { AppAnswers, JsonSchema } from '../../libs/platform/src/answers';

const ROOT = resolve(__dirname, '../..');
const HTTP_DECORATORS = new Set(['Get', 'Post', 'Put', 'Patch', 'Delete']);
/** Decorators that already document a success body (a DTO class or a schema, or a file). */
const DOCUMENTING = /^Api(Ok|Created|Accepted|Default)?Response$/;

const decoratorName = (d: ts.Decorator): string =>
  ts.isCallExpression(d.expression) ? d.expression.expression.getText() : d.expression.getText();

/** True when a decorator already gives the answer's shape (`type:` or `schema:`), or the route sends a file. */
function documentsAnswer(d: ts.Decorator): boolean {
  const name = decoratorName(d);
  if (name === 'ApiFileResponse') return true;
  if (!DOCUMENTING.test(name) || !ts.isCallExpression(d.expression)) return false;
  const [options] = d.expression.arguments;
  if (!options || !ts.isObjectLiteralExpression(options)) return false;
  return options.properties.some(
    (p) =>
      p.name?.getText() === 'type' ||
      (p.name?.getText() === 'schema' && !(ts.isPropertyAssignment(p) && onlyExample(p.initializer))),
  );
}

/** `schema: { example: ... }`: an example, not a shape (the answer type gives the shape, the example is kept). */
function onlyExample(node: ts.Expression): boolean {
  return ts.isObjectLiteralExpression(node) && node.properties.every((p) => p.name?.getText() === 'example');
}

function controllerFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return controllerFiles(path);
    return entry.name.endsWith('.controller.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** One handler whose answer is to be described: its operation id (Nest's `Class_method`) and its answer type. */
interface Handler {
  operationId: string;
  answer: ts.TypeNode;
  /** Its `@HttpCode`, else Nest's default: 201 for a POST, 200 otherwise. */
  status: number;
}

export function handlersOf(source: ts.SourceFile, problems: string[]): Handler[] {
  const handlers: Handler[] = [];
  for (const node of source.statements) {
    if (!ts.isClassDeclaration(node) || !node.name) continue;
    for (const member of node.members) {
      if (!ts.isMethodDeclaration(member)) continue;
      const decorators = ts.getDecorators(member) ?? [];
      if (!decorators.some((d) => HTTP_DECORATORS.has(decoratorName(d)))) continue;
      const operationId = `${node.name.text}_${member.name.getText()}`;
      if (decorators.some(documentsAnswer)) continue;
      let answer = member.type;
      if (answer && ts.isTypeReferenceNode(answer) && answer.typeName.getText() === 'Promise') {
        answer = answer.typeArguments?.[0];
      }
      if (!answer) {
        const where = `${relative(ROOT, source.fileName)}:${source.getLineAndCharacterOfPosition(member.getStart()).line + 1}`;
        problems.push(`${operationId} (${where}) declares no answer type: write it, e.g. Promise<SessionSheet>`);
      } else if (answer.kind !== ts.SyntaxKind.VoidKeyword) {
        handlers.push({ operationId, answer, status: statusOf(decorators) });
      }
    }
  }
  return handlers;
}

function statusOf(decorators: readonly ts.Decorator[]): number {
  for (const d of decorators) {
    if (decoratorName(d) === 'HttpCode' && ts.isCallExpression(d.expression)) {
      const [code] = d.expression.arguments;
      if (code && ts.isNumericLiteral(code)) return Number(code.text);
    }
  }
  return decorators.some((d) => decoratorName(d) === 'Post') ? 201 : 200;
}

/** A component's name as OpenAPI allows it (`Page<Row>` -> `Page_Row_`). */
const componentName = (name: string) => name.replace(/[^A-Za-z0-9._-]/g, '_');

/**
 * JSON Schema (draft 7, as generated) to OpenAPI 3.0's dialect: `#/definitions/` references become components,
 * `null` in a type or a union becomes `nullable`, `const` an enum of one.
 */
export function toOpenApi(schema: JsonSchema): JsonSchema {
  if (!schema || typeof schema !== 'object') return schema;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === '$schema') continue;
    if (key === '$ref' && typeof value === 'string') {
      out.$ref = `#/components/schemas/${componentName(decodeURIComponent(value.replace('#/definitions/', '')))}`;
    } else if (key === 'const') out.enum = [value];
    else if (value && typeof value === 'object' && key !== 'enum' && key !== 'examples') {
      out[key] = Array.isArray(value)
        ? value.map((v) => toOpenApi(v as JsonSchema))
        : key === 'properties' || key === 'definitions'
          ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toOpenApi(v as JsonSchema)]))
          : toOpenApi(value as JsonSchema);
    } else out[key] = value;
  }
  if (out.type === 'null') {
    delete out.type;
    Object.assign(out, { enum: [null], nullable: true });
  }
  if (Array.isArray(out.type)) {
    const types = (out.type as string[]).filter((t) => t !== 'null');
    if (types.length < (out.type as string[]).length) out.nullable = true;
    if (types.length === 1) out.type = types[0];
    else {
      delete out.type;
      out.anyOf = types.map((type) => ({ type }));
    }
  }
  for (const union of ['anyOf', 'oneOf'] as const) {
    const members = out[union] as JsonSchema[] | undefined;
    // its members are already converted: `null` is { enum: [null], nullable: true }
    const isNull = (m: JsonSchema) => Array.isArray(m.enum) && m.enum.length === 1 && m.enum[0] === null;
    if (!members?.some(isNull)) continue;
    const rest = members.filter((m) => !isNull(m));
    delete out[union];
    out.nullable = true;
    if (rest.length === 1 && !rest[0].$ref) Object.assign(out, rest[0], { nullable: true });
    else if (rest.length === 1) out.allOf = rest;
    else out[union] = rest;
  }
  return out;
}

/** An answer that says nothing of its shape: `unknown`, `object`, or an array of them. */
export function vague(schema: JsonSchema): boolean {
  if (schema.type === 'array') return !schema.items || vague(schema.items as JsonSchema);
  const keys = Object.keys(schema).filter((k) => !['description', 'type', 'nullable'].includes(k));
  return keys.length === 0 && (schema.type === undefined || schema.type === 'object');
}

/** The answers of every app's undocumented handlers, from one TypeScript program over the workspace. */
export function generateAnswers(apps: string[]): Record<string, AppAnswers> {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    join(ROOT, 'tsconfig.json'),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => console.error(d.messageText) },
  );
  if (!parsed) throw new Error('tsconfig.json could not be read');
  const program = ts.createProgram(parsed.fileNames, parsed.options);
  const config: CompletedConfig = {
    ...DEFAULT_CONFIG,
    expose: 'export',
    topRef: true,
    jsDoc: 'extended',
    additionalProperties: false,
    skipTypeCheck: true,
    encodeRefs: false,
    sortProps: false,
    functions: 'hide',
  };
  const generator = new SchemaGenerator(program, createParser(program, config), createFormatter(config), config);
  const problems: string[] = [];
  const result: Record<string, AppAnswers> = {};
  for (const app of apps) {
    const answers: AppAnswers = { operations: {}, schemas: {} };
    for (const file of controllerFiles(join(ROOT, 'apps', app, 'src')).sort()) {
      const source = program.getSourceFile(file);
      if (!source) throw new Error(`${file} is not in tsconfig.json's program`);
      for (const { operationId, answer, status } of handlersOf(source, problems)) {
        const { definitions = {}, ...top } = generator.createSchemaFromNodes([answer]) as JsonSchema & {
          definitions?: Record<string, JsonSchema>;
        };
        // a named type is referred to; an anonymous one (an array, a literal) is written in place
        const anonymous = typeof top.$ref === 'string' && top.$ref.startsWith('#/definitions/def-') && top.$ref;
        const root = anonymous ? definitions[anonymous.slice('#/definitions/'.length)] : top;
        if (anonymous) delete definitions[anonymous.slice('#/definitions/'.length)];
        answers.operations[operationId] = { status, schema: toOpenApi(root) };
        if (vague(answers.operations[operationId].schema)) {
          problems.push(`${operationId} answers ${answer.getText()}: name its fields (an interface or a type)`);
        }
        for (const [name, schema] of Object.entries(definitions)) {
          answers.schemas[componentName(name)] = toOpenApi(schema);
        }
      }
    }
    answers.schemas = Object.fromEntries(Object.entries(answers.schemas).sort(([a], [b]) => a.localeCompare(b)));
    result[app] = answers;
  }
  if (problems.length) throw new Error(`HTTP handlers without an answer type:\n${problems.join('\n')}`);
  return result;
}

/** The file an app's answers are written to (and read from by the app). */
export const answersFile = (app: string) => join(ROOT, 'docs', 'openapi', 'answers', `${app}.json`);
