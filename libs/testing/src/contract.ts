import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/*
 * Every response the tests' ApiClient receives is checked against the
 * committed contract (docs/openapi.json): its status must be one the
 * operation declares, and a JSON body must match that status's schema.
 * So every end-to-end test is also a contract test.
 */

type Schema = Record<string, unknown>;
interface Operation {
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}
interface Route {
  method: string;
  template: string;
  pattern: RegExp;
  operation: Operation;
}

/** The repository's docs/openapi.json, from the sources (ts-jest) or from their build under dist/ (the benches). */
const DOCUMENT_PATH = [join(__dirname, '..', '..', '..', 'docs', 'openapi.json'), join(__dirname, '..', '..', '..', '..', 'docs', 'openapi.json')].find(
  (path) => existsSync(path),
) ?? join(__dirname, '..', '..', '..', 'docs', 'openapi.json');

let routes: Route[] | undefined;
let ajv: Ajv | undefined;
const validators = new Map<string, ValidateFunction>();
let validated = 0;

/** How many responses this process checked against the contract. */
export function contractValidations(): number {
  return validated;
}

/**
 * Throws when a response breaks the contract of the operation it answers;
 * responses of paths the contract does not describe (health, docs, unknown
 * routes) are left alone.
 */
export function assertMatchesContract(method: string, url: string, status: number, contentType: string | null, body: unknown): void {
  const path = new URL(url).pathname;
  const route = load().find((candidate) => candidate.method === method && candidate.pattern.test(path));
  if (!route) return;
  const response = route.operation.responses[String(status)];
  const where = `${method} ${route.template} answered ${status}`;
  if (!response) {
    throw new Error(`contract: ${where}, a status docs/openapi.json does not declare for it (body: ${JSON.stringify(body)?.slice(0, 300)})`);
  }
  validated += 1;
  const schema = response.content?.['application/json']?.schema;
  if (!schema || !contentType?.includes('application/json')) return;
  const validate = validatorFor(`${method} ${route.template} ${status}`, schema);
  if (!validate(body)) {
    const problems = (validate.errors ?? []).map((error) => `${error.instancePath || '(body)'} ${error.message}`).join('; ');
    throw new Error(`contract: ${where} with a body that does not match its schema: ${problems}\nbody: ${JSON.stringify(body)?.slice(0, 500)}`);
  }
}

function load(): Route[] {
  if (routes) return routes;
  const document = JSON.parse(readFileSync(DOCUMENT_PATH, 'utf8')) as {
    paths: Record<string, Record<string, Operation>>;
    components: { schemas: Record<string, Schema> };
  };
  ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const format of ['password', 'binary']) ajv.addFormat(format, true);
  ajv.addSchema({ $id: 'openapi', components: { schemas: toJsonSchema(document.components.schemas) } });
  const all = Object.entries(document.paths).flatMap(([template, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      method: method.toUpperCase(),
      template,
      pattern: new RegExp(`^${template.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/]+')}$`),
      operation,
    })),
  );
  // A literal segment wins over a parameter: /watchlist/alerts is not /watchlist/{id}.
  routes = all.sort((a, b) => (a.template.match(/\{/g)?.length ?? 0) - (b.template.match(/\{/g)?.length ?? 0));
  return routes;
}

function validatorFor(key: string, schema: Schema): ValidateFunction {
  let validate = validators.get(key);
  if (!validate) {
    validate = (ajv as Ajv).compile(toJsonSchema(rebase(schema)));
    validators.set(key, validate);
  }
  return validate;
}

/** Refs inside a response point into the document; here they point into the schema added as `openapi`. */
function rebase(schema: Schema): Schema {
  return JSON.parse(JSON.stringify(schema).replace(/"#\/components\//g, '"openapi#/components/')) as Schema;
}

/** OpenAPI 3.0's `nullable: true` as JSON Schema: null, or what the rest says (which may be a $ref). */
function toJsonSchema<T>(node: T): T {
  if (Array.isArray(node)) return node.map(toJsonSchema) as T;
  if (typeof node !== 'object' || node === null) return node;
  const entries = Object.entries(node as Schema).map(([key, value]) => [key, toJsonSchema(value)] as const);
  const converted = Object.fromEntries(entries) as Schema;
  if (converted.nullable !== true) return converted as T;
  const { nullable: _nullable, ...rest } = converted;
  return { anyOf: [{ type: 'null' }, rest] } as T;
}
