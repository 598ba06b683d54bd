import { Controller, Get, INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AddressInfo } from 'node:net';
import { ApiRoute } from './api-route.decorator';
import { createOpenApiDocument, serveOpenApi } from './openapi-document';

@Controller('things')
class ThingsController {
  @Get()
  @ApiRoute({ summary: 'List things', errors: [401, 503] })
  list(): string[] {
    return [];
  }
}

@Module({ controllers: [ThingsController] })
class ThingsModule {}

describe('the OpenAPI document of the gateway', () => {
  let app: INestApplication;
  const start = async (docs: boolean) => {
    app = await NestFactory.create(ThingsModule, { logger: false });
    serveOpenApi(app, docs);
    await app.listen(0, '127.0.0.1');
    return `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  };
  afterEach(() => app?.close());

  it('describes a route with its summary and each error as an ErrorBody', async () => {
    await start(true);
    const operation = createOpenApiDocument(app).paths['/things'].get;
    expect(operation?.summary).toBe('List things');
    expect(Object.keys(operation?.responses ?? {})).toEqual(['200', '401', '503']);
    expect(operation?.responses['503']).toMatchObject({ content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } } });
  });

  it('serves /docs and /docs-json, or neither with API_DOCS=false', async () => {
    const on = await start(true);
    expect((await fetch(`${on}/docs-json`)).status).toBe(200);
    await app.close();
    const off = await start(false);
    expect((await fetch(`${off}/docs-json`)).status).toBe(404);
    expect((await fetch(`${off}/docs`)).status).toBe(404);
  });
});
