import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

/** The API's contract as the gateway serves it at /docs-json, and as `npm run openapi` commits it to docs/openapi.json. */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('finstack API')
    .setDescription(
      'Personal finance: accounts, ledger, categories, reports, portfolio and risk. ' +
        'Money is a decimal string with an ISO 4217 currency; days are YYYY-MM-DD and instants ISO 8601 in UTC. ' +
        'Every error has the ErrorBody shape. Lists answer {items, nextCursor}. Pushes: see docs/asyncapi.yaml.',
    )
    .setVersion('1')
    .addBearerAuth()
    .build();
  return SwaggerModule.createDocument(app, config, { operationIdFactory: (controller, method) => `${controller.replace(/Controller$/, '')}_${method}` });
}

/** Serves Swagger UI at /docs and the document at /docs-json, unless API_DOCS=false. */
export function serveOpenApi(app: INestApplication, enabled: boolean): void {
  if (!enabled) return;
  SwaggerModule.setup('docs', app, () => createOpenApiDocument(app), { jsonDocumentUrl: 'docs-json' });
}
