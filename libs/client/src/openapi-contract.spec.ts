import { ErrorCode } from '../../contracts/src/errors';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/*
 * The committed contract (docs/openapi.json) is complete: an e2e test
 * checks that it is what the gateway serves, and this one what it says.
 */
const ROOT = join(__dirname, '..', '..', '..');
const documentPath = join(ROOT, 'docs', 'openapi.json');

interface Schema {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  additionalProperties?: unknown;
  allOf?: Schema[];
  oneOf?: Schema[];
  items?: Schema;
  enum?: unknown[];
  example?: unknown;
  default?: unknown;
}
interface Operation {
  summary?: string;
  security?: unknown[];
  parameters?: unknown[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}
const document = JSON.parse(readFileSync(documentPath, 'utf8')) as {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
};
const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, operation]) => ({ name: `${method.toUpperCase()} ${path}`, operation })),
);
const failing = (check: (operation: Operation) => boolean) => operations.filter(({ operation }) => !check(operation)).map(({ name }) => name);

describe('the committed OpenAPI document', () => {
  it('has the API under /api/v1, every operation with a summary', () => {
    expect(operations.length).toBeGreaterThanOrEqual(50);
    // Besides the API, only the public keys sit where verifiers look for them (RFC 8615).
    expect(operations.filter(({ name }) => !name.includes(' /api/v1/')).map(({ name }) => name)).toEqual(['GET /.well-known/jwks.json']);
    expect(failing((operation) => Boolean(operation.summary?.trim()))).toEqual([]);
  });

  it('gives every operation a success answer with a schema (or none, for 204)', () => {
    const described = (operation: Operation) =>
      Object.entries(operation.responses).some(
        ([status, response]) =>
          status === '204' || (status.startsWith('2') && Object.values(response.content ?? {}).some((content) => content.schema)),
      );
    expect(failing(described)).toEqual([]);
  });

  it('declares 401 wherever a token is needed, and 400 wherever there is input', () => {
    expect(failing((operation) => !operation.security || '401' in operation.responses)).toEqual([]);
    const hasInput = (operation: Operation) => (operation.parameters?.length ?? 0) > 0 || operation.requestBody !== undefined;
    expect(failing((operation) => !hasInput(operation) || '400' in operation.responses)).toEqual([]);
  });

  it('answers every error with the one ErrorBody schema, whose code lists every ErrorCode', () => {
    const errorsAreErrorBody = (operation: Operation) =>
      Object.entries(operation.responses)
        .filter(([status]) => /^[45]/.test(status))
        .every(([, response]) => response.content?.['application/json']?.schema?.$ref === '#/components/schemas/ErrorBody');
    expect(failing(errorsAreErrorBody)).toEqual([]);
    expect(document.components.schemas.ErrorCode?.enum).toEqual(Object.values(ErrorCode));
  });

  it('has no scalar typed as a bare object and no reference to a schema called Object', () => {
    const problems: string[] = [];
    const walk = (node: unknown, where: string): void => {
      if (Array.isArray(node)) return node.forEach((item, index) => walk(item, `${where}[${index}]`));
      if (typeof node !== 'object' || node === null) return;
      const schema = node as Schema;
      if (schema.$ref !== undefined && !/^#\/components\/schemas\/(?!Object$)\w+$/.test(schema.$ref)) problems.push(`${where}: $ref ${schema.$ref}`);
      const bare = schema.type === 'object' && !schema.properties && schema.additionalProperties === undefined && !schema.allOf;
      if (bare) problems.push(`${where}: bare object`);
      for (const [key, value] of Object.entries(node)) walk(value, `${where}.${key}`);
    };
    walk(document, '#');
    expect(problems).toEqual([]);
  });

  it('gives every JSON request body an example for each of its fields', () => {
    const missing: string[] = [];
    for (const { name, operation } of operations) {
      const ref = operation.requestBody?.content['application/json']?.schema?.$ref;
      if (!ref) continue;
      const schemaName = ref.split('/').pop() as string;
      for (const [field, schema] of Object.entries(document.components.schemas[schemaName]?.properties ?? {})) {
        const shown = ['example', 'enum', 'default', '$ref', 'allOf'].some((key) => key in schema) || schema.type === 'boolean' || schema.items?.$ref;
        if (!shown) missing.push(`${name}: ${schemaName}.${field}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('is what the client types were generated from (npm run openapi writes both)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'finstack-client-'));
    try {
      const generated = join(dir, 'api-schema.ts');
      execFileSync(process.execPath, [join(ROOT, 'node_modules', 'openapi-typescript', 'bin', 'cli.js'), documentPath, '--default-non-nullable=false', '-o', generated], {
        stdio: 'ignore',
      });
      expect(readFileSync(join(__dirname, 'api-schema.ts'), 'utf8')).toBe(readFileSync(generated, 'utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
