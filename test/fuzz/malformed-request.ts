/**
 * One malformed HTTP request for one operation of the OpenAPI document.
 *
 * Every request that could write carries at least one fault that must get it
 * refused (its `fault`): a malformed body, a bad credential, or a path id the
 * caller does not own. Everything else about it (query, other headers, the
 * rest of the body) is random on top, valid-looking or not, so the fault is
 * often the only thing wrong. Reads may be malformed anywhere.
 */
import fc from 'fast-check';
import { JsonSchema, Operation } from './openapi-operations';
import {
  anyJson,
  badQueryValue,
  deepNestingText,
  foreignPathSegment,
  longText,
  numberLikeText,
  oddText,
  percentEncode,
  pollutionKey,
  unknownKey,
} from './malformed-values';

export interface FuzzRequest {
  method: string;
  /** Path and query, URL-encoded as sent. */
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
  /** What must get it refused: body, auth, path or query (reads only). */
  fault: Fault;
  /** What was done to the body, for the report. */
  bodyNote?: string;
}

export type Fault = 'body' | 'auth' | 'path' | 'query';

export interface FuzzContext {
  /** The fuzzing user's access token. */
  token: string;
  /** Records the fuzzing user owns. */
  ownIds: string[];
  /** Records another user owns. */
  othersIds: string[];
  /** The gateway's quote-ingest key (sent only with a malformed body). */
  ingestKey: string;
}

export function requestFor(op: Operation, context: FuzzContext): fc.Arbitrary<FuzzRequest> {
  const faults: Fault[] = [];
  if (op.jsonBody || op.fileBody) faults.push('body');
  if (op.secured) faults.push('auth');
  if (op.pathParams.length > 0) faults.push('path');
  if (op.method === 'GET') faults.push('query');
  if (faults.length === 0) throw new Error(`${op.method} ${op.path}: nothing to make malformed`);
  return fc.constantFrom(...faults).chain((fault) =>
    fc
      .record({
        path: pathOf(op, context, fault),
        query: queryOf(op, fault),
        authorization: fault === 'auth' ? badAuthorization(context.token) : fc.oneof({ arbitrary: fc.constant(context.token).map((t) => `Bearer ${t}`), weight: 5 }, { arbitrary: badAuthorization(context.token), weight: 1 }),
        body: bodyOf(op, fault),
        extraHeaders: extraHeadersOf(op, fault, context),
      })
      .map(({ path, query, authorization, body, extraHeaders }) => {
        const headers: Record<string, string> = {};
        if (op.secured && authorization !== undefined) headers.authorization = authorization;
        if (body) headers['content-type'] = body.contentType;
        Object.assign(headers, extraHeaders);
        return { method: op.method, path: path + query, headers, body: body?.content, fault, bodyNote: body?.note };
      }),
  );
}

function pathOf(op: Operation, context: FuzzContext, fault: Fault): fc.Arbitrary<string> {
  const foreign = foreignPathSegment(context.othersIds);
  // The caller's own records when the fault lies elsewhere, so the request reaches as deep as it can.
  const own = context.ownIds.length > 0 ? fc.constantFrom(...context.ownIds) : foreign;
  const segment = fault === 'path' ? foreign : fc.oneof({ arbitrary: own, weight: 3 }, { arbitrary: foreign, weight: 1 });
  return fc.array(segment, { minLength: op.pathParams.length, maxLength: op.pathParams.length }).map((values) => {
    let path = op.path;
    op.pathParams.forEach((name, index) => (path = path.replace(`{${name}}`, values[index])));
    return path;
  });
}

function queryOf(op: Operation, fault: Fault): fc.Arbitrary<string> {
  const names = op.query.map((parameter) => parameter.name);
  const key = names.length > 0 ? fc.oneof({ arbitrary: fc.constantFrom(...names), weight: 4 }, { arbitrary: unknownKey.map(percentEncode), weight: 1 }) : unknownKey.map(percentEncode);
  // name=value, name[]=value (arrays), name[x]=value (objects), a name twice
  const pair = fc
    .tuple(key, fc.constantFrom('', '[]', '[x]', '[__proto__]'), badQueryValue)
    .map(([name, suffix, value]) => `${name}${suffix}=${value}`);
  const repeated = fc.tuple(key, badQueryValue, badQueryValue).map(([name, a, b]) => `${name}=${a}&${name}=${b}`);
  const pairs = fc.array(fc.oneof(pair, repeated), { minLength: fault === 'query' ? 1 : 0, maxLength: 4 });
  return fc.oneof({ arbitrary: pairs.map((list) => (list.length ? `?${list.join('&')}` : '')), weight: 5 }, { arbitrary: fc.constantFrom('?', '??', '?&&', '?=', '?a=%ZZ'), weight: 1 });
}

/** Credentials that must be refused, with the user's real token as material. */
function badAuthorization(token: string): fc.Arbitrary<string | undefined> {
  const [header, payload, signature] = token.split('.');
  const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
  return fc.oneof(
    fc.constant(undefined),
    fc.constantFrom(
      'Bearer',
      'Bearer ',
      'Basic dXNlcjpwYXNzd29yZA==',
      `Token ${token}`,
      `Bearer ${token}x`,
      `Bearer ${token}.${token}`,
      `Bearer ${header}.${payload}.${signature.slice(0, -4)}AAAA`,
      `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`,
      `Bearer ${b64({ alg: 'HS256', typ: 'JWT' })}.${payload}.${signature}`,
      `Bearer ${header}.${b64({ ...claims, sub: '00000000-0000-7000-8000-000000000000' })}.${signature}`,
      `Bearer ${header}.${b64({ ...claims, exp: 1 })}.${signature}`,
      `Bearer ${'a'.repeat(20_000)}`,
    ),
    fc.string({ unit: 'grapheme-ascii', maxLength: 80 }).map((text) => `Bearer ${text}`),
  );
}

interface Body {
  content: string | Buffer;
  contentType: string;
  note: string;
}

function bodyOf(op: Operation, fault: Fault): fc.Arbitrary<Body | undefined> {
  if (op.jsonBody) {
    const malformed = malformedJson(op.jsonBody).map((body) => ({ ...body, contentType: 'application/json' }));
    if (fault === 'body') return malformed;
    // Another fault gets it refused: the body may be well-formed, and may say it is something else.
    const plausible = plausibleObject(op.jsonBody).map((entries) => ({ content: serialise(entries), note: 'plausible', contentType: 'application/json' }));
    return fc.tuple(fc.oneof(plausible, malformed), contentTypeLie).map(([body, lie]) => (lie ? { ...body, contentType: lie } : body));
  }
  if (op.fileBody) return malformedFile;
  // Routes without a body: sometimes send one anyway.
  return fc.option(malformedJson({ type: 'object', properties: {} }).map((body) => ({ ...body, contentType: 'application/json' })), { freq: 4 });
}

/** A content type that does not describe the body, or undefined to tell the truth. */
const contentTypeLie = fc.option(
  fc.constantFrom('text/csv', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data', 'multipart/form-data; boundary=x', 'application/json; charset=utf-16', 'application/json; charset=bogus', 'application/xml', '*/*', '', 'application/json, text/csv'),
  { freq: 3 },
);

/** Files for the upload routes: garbage bytes, JSON, CSV with nothing usable, multipart that never closes. */
const malformedFile: fc.Arbitrary<Body> = fc.oneof(
  fc.uint8Array({ maxLength: 2_000 }).map((bytes) => ({ content: Buffer.from(bytes), contentType: 'text/csv', note: 'random bytes' })),
  fc.jsonValue({ maxDepth: 2 }).map((value) => ({ content: JSON.stringify(value), contentType: 'text/csv', note: 'JSON as CSV' })),
  fc.constantFrom('', 'date,amount\n', 'date,amount\n2025-02-30,abc\n', '"unterminated,quote\n1,2', ',,,,\n,,,,', 'a;b;c\n1;2;3').map((csv) => ({ content: csv, contentType: 'text/csv', note: 'unusable CSV' })),
  fc.constantFrom(
    '--x\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\ndate,amount\n',
    '--x\r\n\r\n',
    'no boundary at all',
  ).map((content) => ({ content, contentType: 'multipart/form-data; boundary=x', note: 'broken multipart' })),
  fc.constant({ content: 'date,amount\n', contentType: 'multipart/form-data', note: 'multipart without a boundary' }),
  fc.constant({ content: 'x'.repeat(12 * 1024 * 1024), contentType: 'text/csv', note: '12 MB of nothing' }),
);

type Entries = Array<[string, unknown]>;

/** JSON text that keeps keys as given (a `__proto__` key stays a key) and may hold raw JSON pieces. */
function serialise(entries: Entries, raw: Record<string, string> = {}): string {
  const members = entries.map(([key, value]) => `${JSON.stringify(key)}:${key in raw && raw[key] === value ? value : JSON.stringify(value)}`);
  return `{${members.join(',')}}`;
}

/** A body shaped like the schema: examples and in-range values mostly, anything sometimes. */
function plausibleObject(schema: JsonSchema): fc.Arbitrary<Entries> {
  const properties = Object.entries(schema.properties ?? {});
  const required = new Set(schema.required ?? []);
  if (properties.length === 0) return fc.constant([]);
  return fc
    .tuple(...properties.map(([key, property]) => (required.has(key) ? plausibleValue(property).map((v) => [key, v] as [string, unknown]) : fc.option(plausibleValue(property).map((v) => [key, v] as [string, unknown]), { nil: undefined }))))
    .map((entries) => entries.filter((entry): entry is [string, unknown] => entry !== undefined));
}

function plausibleValue(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  const fitting = fittingValue(schema, depth);
  return fc.oneof({ arbitrary: fitting, weight: 6 }, { arbitrary: anyJson, weight: 1 });
}

function fittingValue(schema: JsonSchema, depth: number): fc.Arbitrary<unknown> {
  if (schema.example !== undefined) return fc.constant(schema.example);
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  if (schema.oneOf?.length) return fc.oneof(...schema.oneOf.map((alternative) => fittingValue(alternative, depth + 1)));
  switch (schema.type) {
    case 'string':
      return schema.format === 'uuid' ? fc.uuid() : fc.string({ minLength: schema.minLength ?? 1, maxLength: Math.min(schema.maxLength ?? 20, 20) });
    case 'number':
    case 'integer':
      return fc.integer({ min: schema.minimum ?? 0, max: Math.min(schema.maximum ?? 1_000, 1_000) });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return depth > 3 ? fc.constant([]) : fc.array(fittingValue(schema.items ?? {}, depth + 1), { maxLength: 3 });
    default:
      if (schema.properties && depth <= 3) return plausibleObject(schema).map((entries) => Object.fromEntries(entries));
      return schema.format === 'uuid' ? fc.oneof(fc.uuid(), fc.constant(null)) : fc.oneof(fc.constant(null), oddText);
  }
}

/** A value the declared type refuses (never null: null is how an optional field is left out). */
function wrongTypeFor(schema: JsonSchema): fc.Arbitrary<unknown> | undefined {
  const object = fc.dictionary(fc.string({ maxLength: 5 }), anyJson, { maxKeys: 3 });
  switch (schema.type) {
    case 'string':
      return fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.array(oddText, { maxLength: 3 }), object);
    case 'number':
    case 'integer':
      return fc.oneof(numberLikeText, fc.integer().map(String), fc.boolean(), fc.array(fc.integer(), { minLength: 1, maxLength: 3 }), object);
    case 'boolean':
      return fc.oneof(fc.constantFrom('true', 'false', 'yes', '1', ''), fc.integer(), fc.array(fc.boolean(), { minLength: 1, maxLength: 2 }), object);
    case 'array':
      return fc.oneof(oddText, fc.integer(), object);
    default:
      return undefined;
  }
}

/** One definite fault on top of a plausible body. */
function malformedJson(schema: JsonSchema): fc.Arbitrary<{ content: string; note: string }> {
  const properties = Object.entries(schema.properties ?? {});
  const typed = properties.filter(([, property]) => wrongTypeFor(property) !== undefined);
  const limited = properties.filter(([, property]) => property.type === 'string' && property.maxLength !== undefined);
  const enumerated = properties.filter(([, property]) => property.type === 'string' && property.enum?.length);
  const bounded = properties.filter(([, property]) => (property.type === 'number' || property.type === 'integer') && (property.minimum !== undefined || property.maximum !== undefined));
  const required = schema.required ?? [];
  const base = plausibleObject(schema);
  const replace = (entries: Entries, key: string, value: unknown): Entries => [...entries.filter(([k]) => k !== key), [key, value]];

  const faults: Array<fc.Arbitrary<{ content: string; note: string }>> = [
    fc.tuple(base, unknownKey, anyJson).map(([entries, key, value]) => ({ content: serialise([...entries, [key, value]]), note: `unknown field ${JSON.stringify(key)}` })),
    fc.tuple(base, pollutionKey, fc.constantFrom({ isAdmin: true }, { prototype: { polluted: true } }, 'x', [1])).map(([entries, key, value]) => ({ content: serialise([...entries, [key, value]]), note: `prototype key ${key}` })),
    fc.tuple(base, fc.constantFrom('array', 'string', 'number', 'null', 'true')).map(([entries, kind]) => {
      const top = { array: `[${serialise(entries)}]`, string: JSON.stringify(serialise(entries)), number: '12', null: 'null', true: 'true' }[kind];
      return { content: top, note: `top-level ${kind}` };
    }),
    fc.tuple(base, fc.integer({ min: 0, max: 1_000 })).map(([entries, at]) => {
      const text = serialise(entries);
      return { content: text.slice(0, Math.min(at, text.length - 1)), note: 'truncated JSON' };
    }),
    fc.tuple(base, fc.constantFrom(',}', ' // comment', "'single'", 'NaN', '\u0000', 'undefined')).map(([entries, junk]) => {
      const text = serialise(entries);
      return { content: `${text.slice(0, -1)}${text.length > 2 ? ',' : ''}"a":${junk}}`, note: `invalid JSON token ${JSON.stringify(junk)}` };
    }),
    fc.tuple(base, deepNestingText, fc.option(fc.constantFrom(...(properties.length ? properties.map(([key]) => key) : ['x'])), { nil: undefined })).map(([entries, nested, key]) => {
      const field = key ?? 'nested';
      const kept = entries.filter(([k]) => k !== field);
      return { content: serialise([...kept, [field, nested]], { [field]: nested }), note: `${nested.length}-character nesting in ${field}` };
    }),
    fc.constant({ content: `{"description":"${'x'.repeat(1_100_000)}"}`, note: 'body over 1 MB' }),
  ];
  if (required.length) {
    faults.push(fc.tuple(base, fc.constantFrom(...required)).map(([entries, key]) => ({ content: serialise(entries.filter(([k]) => k !== key)), note: `without required ${key}` })));
  }
  if (typed.length) {
    faults.push(
      fc.constantFrom(...typed).chain(([key, property]) =>
        fc.tuple(base, wrongTypeFor(property)!).map(([entries, value]) => ({ content: serialise(replace(entries, key, value)), note: `${key} of the wrong type` })),
      ),
    );
  }
  if (limited.length) {
    faults.push(
      fc.constantFrom(...limited).chain(([key, property]) =>
        fc.tuple(base, longText(property.maxLength! + 1)).map(([entries, value]) => ({ content: serialise(replace(entries, key, value)), note: `${key} of ${value.length} characters` })),
      ),
    );
  }
  if (enumerated.length) {
    faults.push(
      fc.constantFrom(...enumerated).chain(([key, property]) =>
        fc
          .tuple(base, fc.oneof(oddText, fc.constantFrom(...property.enum!.map((v) => `${String(v).toUpperCase()}X`))))
          .filter(([, value]) => !property.enum!.includes(value))
          .map(([entries, value]) => ({ content: serialise(replace(entries, key, value)), note: `${key} outside its enum` })),
      ),
    );
  }
  if (bounded.length) {
    faults.push(
      fc.constantFrom(...bounded).chain(([key, property]) =>
        fc
          .tuple(base, fc.constantFrom(...[property.minimum !== undefined ? property.minimum - 1 : 1e308, property.maximum !== undefined ? property.maximum + 1 : -1e308, 1e308, -1e308]))
          .map(([entries, value]) => ({ content: serialise(replace(entries, key, value)), note: `${key} = ${value} out of range` })),
      ),
    );
  }
  return fc.oneof(...faults);
}

/** Headers around the request: ingest keys, idempotency keys, oversized and odd ones. */
function extraHeadersOf(op: Operation, fault: Fault, context: FuzzContext): fc.Arbitrary<Record<string, string>> {
  const declared = new Set(op.headers.map((header) => header.name.toLowerCase()));
  const apiKey = declared.has('x-api-key')
    ? // The real key only with a malformed body: with it alone, a request is allowed.
      fc.option(fault === 'body' ? fc.oneof(fc.constant(context.ingestKey), fc.string({ unit: 'grapheme-ascii', maxLength: 64 })) : fc.string({ unit: 'grapheme-ascii', maxLength: 64 }), { nil: undefined })
    : fc.option(fc.string({ unit: 'grapheme-ascii', maxLength: 64 }), { nil: undefined, freq: 8 });
  const idempotencyKey = fc.option(fc.oneof(fc.constantFrom('', ' ', 'a'.repeat(256), 'ключ', '\t'), fc.string({ unit: 'grapheme-ascii', maxLength: 300 })), { nil: undefined, freq: declared.has('idempotency-key') ? 2 : 8 });
  const odd = fc.option(
    fc.constantFrom<Record<string, string>>(
      { 'x-padding': 'p'.repeat(15_000) },
      { 'x-request-id': 'r'.repeat(5_000) },
      { 'x-request-id': '../../etc/passwd' },
      { 'x-forwarded-for': '999.999.999.999, ::ffff:1.2.3.4, garbage' },
      { accept: 'application/xml' },
      { 'content-encoding': 'gzip' },
      { 'accept-encoding': 'br;q=0, *;q=-1' },
      { 'transfer-encoding': 'chunked' },
      { expect: '100-continue' },
      { 'if-none-match': '*' },
    ),
    { nil: undefined, freq: 5 },
  );
  return fc.record({ apiKey, idempotencyKey, odd }).map(({ apiKey: key, idempotencyKey: idem, odd: extra }) => ({
    ...(key !== undefined ? { 'x-api-key': key } : {}),
    ...(idem !== undefined ? { 'idempotency-key': idem } : {}),
    ...extra,
  }));
}
