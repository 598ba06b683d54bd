import { applyDecorators, Type } from '@nestjs/common';
import { ApiExtraModels, ApiOperation, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { FieldError, HttpErrorBody } from './error-body';

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 503 | 504;

const ERROR_MEANINGS: Readonly<Record<ErrorStatus, string>> = {
  400: 'the request is invalid: `message` says why, `details` lists the fields',
  401: 'no valid access token (or wrong credentials)',
  403: 'the token is valid but the caller may not do this',
  404: 'no such thing for this user',
  409: 'it conflicts with what is stored',
  413: 'the body is larger than this route accepts',
  422: 'understood, but the content cannot be processed: `details` says where',
  429: 'too many requests: wait `Retry-After` seconds',
  503: 'a service or the database is unavailable: retry shortly',
  504: 'a service did not answer in time: retry shortly',
};

export interface RouteDoc {
  summary: string;
  description?: string;
  /** The success status; 200 unless given. */
  status?: 200 | 201 | 202 | 204;
  /** The success body: a class, or [class] for an array. Absent only with 204 or a non-JSON body. */
  type?: Type<unknown> | [Type<unknown>];
  /** Instead of type: the success body is one of these shapes (e.g. tokens, or an MFA challenge). */
  oneOf?: Type<unknown>[];
  /** Success answers in another media type (e.g. text/csv). */
  content?: Record<string, { schema: object }>;
  /** Another success status the route can give, e.g. 202 beside 201. */
  also?: { status: 200 | 201 | 202; description: string; type?: Type<unknown> };
  /** Every error status the route can really give. */
  errors: readonly ErrorStatus[];
}

/** One route's whole contract in one place: summary, success body and every error, each an ErrorBody. */
export function ApiRoute(doc: RouteDoc): MethodDecorator {
  const status = doc.status ?? 200;
  const success =
    status === 204
      ? ApiResponse({ status, description: 'done; no body' })
      : doc.oneOf
        ? applyDecorators(
            ApiExtraModels(...doc.oneOf),
            ApiResponse({ status, description: 'done: one of these shapes', schema: { oneOf: doc.oneOf.map((shape) => ({ $ref: getSchemaPath(shape) })) } }),
          )
        : ApiResponse({
          status,
          description: 'done',
          ...(doc.type ? { type: Array.isArray(doc.type) ? doc.type[0] : doc.type, isArray: Array.isArray(doc.type) } : {}),
          ...(doc.content ? { content: doc.content } : {}),
        });
  const also = doc.also ? [ApiResponse({ status: doc.also.status, description: doc.also.description, type: doc.also.type })] : [];
  const errors = [...new Set(doc.errors)]
    .sort((a, b) => a - b)
    .map((code) => ApiResponse({ status: code, description: ERROR_MEANINGS[code], type: HttpErrorBody }));
  return applyDecorators(
    ApiExtraModels(HttpErrorBody, FieldError),
    ApiOperation({ summary: doc.summary, ...(doc.description ? { description: doc.description } : {}) }),
    success,
    ...also,
    ...errors,
  );
}
