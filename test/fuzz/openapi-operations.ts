/** The gateway's routes as its OpenAPI document lists them, so a new route is fuzzed without touching the fuzzer. */

/** The part of JSON Schema the fuzzer reads. */
export interface JsonSchema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
  nullable?: boolean;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  oneOf?: JsonSchema[];
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

interface OpenApiOperation {
  parameters?: Array<{ name: string; in: 'query' | 'header' | 'path'; schema?: JsonSchema }>;
  requestBody?: { content: Record<string, { schema?: JsonSchema }> };
  security?: unknown[];
}

export interface Parameter {
  name: string;
  schema: JsonSchema;
}

export interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The template, e.g. /api/v1/transactions/{id}. */
  path: string;
  /** Read from the template: the document does not always declare them. */
  pathParams: string[];
  query: Parameter[];
  headers: Parameter[];
  /** JSON body schema (refs resolved), when the route takes JSON. */
  jsonBody?: JsonSchema;
  /** The route takes a file (CSV or multipart) instead of JSON. */
  fileBody: boolean;
  /** Needs a bearer token. */
  secured: boolean;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

export function operationsOf(doc: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, byMethod] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = byMethod[method];
      if (!op) continue;
      const parameters = op.parameters ?? [];
      const content = op.requestBody?.content ?? {};
      const json = content['application/json']?.schema;
      operations.push({
        method: method.toUpperCase() as Operation['method'],
        path,
        pathParams: [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]),
        query: parameters.filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: resolve(doc, p.schema ?? {}) })),
        headers: parameters.filter((p) => p.in === 'header').map((p) => ({ name: p.name, schema: resolve(doc, p.schema ?? {}) })),
        jsonBody: json ? resolve(doc, json) : undefined,
        fileBody: 'text/csv' in content || 'multipart/form-data' in content,
        secured: (op.security ?? []).length > 0,
      });
    }
  }
  return operations;
}

/** Follows $ref (and nested ones) so generators see plain schemas; cycles stop at a depth. */
export function resolve(doc: OpenApiDocument, schema: JsonSchema, depth = 0): JsonSchema {
  if (depth > 8) return {};
  if (schema.$ref) {
    const name = schema.$ref.split('/').pop() ?? '';
    return resolve(doc, doc.components?.schemas?.[name] ?? {}, depth + 1);
  }
  const resolved: JsonSchema = { ...schema };
  if (schema.properties) {
    resolved.properties = Object.fromEntries(Object.entries(schema.properties).map(([key, value]) => [key, resolve(doc, value, depth + 1)]));
  }
  if (schema.items) resolved.items = resolve(doc, schema.items, depth + 1);
  if (schema.oneOf) resolved.oneOf = schema.oneOf.map((alternative) => resolve(doc, alternative, depth + 1));
  return resolved;
}
