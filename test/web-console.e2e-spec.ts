import { ApiClient, backendFromEnv, newSession, Stack, startStack } from '@finstack/testing';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const backend = backendFromEnv();

/** The refresh cookie's value from a Set-Cookie header. */
const cookieOf = (headers: Headers) => /finstack_refresh=([^;]*)/.exec(headers.get('set-cookie') ?? '')?.[1];
const COOKIE_MODE = { 'X-Finstack-Auth': 'cookie' };

describe(`web console and cookie sessions (${backend})`, () => {
  let stack: Stack;
  let api: ApiClient;
  let webDir: string;

  beforeAll(async () => {
    // A stand-in build: the gateway's serving does not depend on what the files hold.
    webDir = mkdtempSync(join(tmpdir(), 'finstack-web-'));
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>finstack console</title>');
    writeFileSync(join(webDir, 'assets', 'index-abc123.js'), 'console.log(1)');
    stack = await startStack({ backend, name: 'webconsole', gatewayEnv: { WEB_DIR: webDir } });
    api = new ApiClient(stack.baseUrl);
  }, 180_000);
  afterAll(async () => {
    await stack?.stop();
    rmSync(webDir, { recursive: true, force: true });
  });

  it('serves index.html uncached at / and at any unknown non-API path a browser opens', async () => {
    for (const path of ['/', '/ledger', '/risk/strategy?x=1']) {
      const page = await api.get(path, { headers: { accept: 'text/html,application/xhtml+xml' } });
      expect(page.status).toBe(200);
      expect(String(page.body)).toContain('finstack console');
      expect(page.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('answers an API client asking for an unknown path with the API 404, not the page', async () => {
    const unknown = await api.get('/no/such/route', { headers: { accept: '*/*' } });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('ROUTE_NOT_FOUND');
  });

  it('caches hashed assets for a year and answers a missing one with 404, not the page', async () => {
    const asset = await api.get('/assets/index-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const missing = await api.get('/assets/index-old.js');
    expect(missing.status).toBe(404);
  });

  it('leaves the API, health and docs alone', async () => {
    const unknown = await api.get('/api/v1/no-such-route');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 'ROUTE_NOT_FOUND' });
    expect((await api.get('/health')).status).toBe(200);
    expect(String((await api.get('/docs-json')).body.openapi)).toMatch(/^3\./);
    // A POST to an unknown path is not the page either.
    expect((await api.post('/ledger', {})).status).toBe(404);
  });

  it('keeps the refresh token in an httpOnly SameSite=Strict cookie scoped to /api/v1/auth, and out of the body', async () => {
    const user = await newSession(api, 'cookie');
    const login = await api.post('/api/v1/auth/login', { email: user.email, password: user.password }, { headers: COOKIE_MODE });
    expect(login.status).toBe(200);
    expect(login.body.refreshToken).toBeUndefined();
    expect(login.body.accessToken).toEqual(expect.any(String));
    const setCookie = login.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Path=\/api\/v1\/auth/);
    expect(setCookie).not.toMatch(/Secure/); // plain HTTP here; Secure when the request came over HTTPS
    const first = cookieOf(login.headers)!;

    // The cookie alone (what a cross-site form would send) is refused.
    const withoutHeader = await api.post('/api/v1/auth/refresh', {}, { headers: { cookie: `finstack_refresh=${first}` } });
    expect(withoutHeader.status).toBe(403);

    const refreshed = await api.post('/api/v1/auth/refresh', {}, { headers: { ...COOKIE_MODE, cookie: `finstack_refresh=${first}` } });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refreshToken).toBeUndefined();
    const second = cookieOf(refreshed.headers)!;
    expect(second).not.toBe(first);

    // Signing out revokes the session and clears the cookie.
    const logout = await api.post('/api/v1/auth/logout', {}, { headers: { ...COOKIE_MODE, cookie: `finstack_refresh=${second}` } });
    expect(logout.status).toBe(204);
    expect(logout.headers.get('set-cookie')).toMatch(/finstack_refresh=;/);
    const after = await api.post('/api/v1/auth/refresh', {}, { headers: { ...COOKIE_MODE, cookie: `finstack_refresh=${second}` } });
    expect(after.status).toBe(401);
  });

  it('keeps body mode for other clients, and asks for a token when neither is sent', async () => {
    const user = await newSession(api, 'body');
    const refreshed = await api.post('/api/v1/auth/refresh', { refreshToken: user.refreshToken });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refreshToken).toEqual(expect.any(String));
    expect(refreshed.headers.get('set-cookie')).toBeNull();
    const empty = await api.post('/api/v1/auth/refresh', {});
    expect(empty.status).toBe(400);
    expect(empty.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'refreshToken' }] });
  });
});
