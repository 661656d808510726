import { createJsonLogger, type KlensDatabase } from '@klens/core';
import { testDatabaseEngines } from '@klens/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signEmbedToken } from '../auth/embed-token.js';
import { syncedAccounts, TEST_NOW, TEST_SECRET } from '../test-support/synced-accounts.js';
import { createApp } from './app.js';

const query = (input: unknown) => `/trpc/metrics.timeSeries?input=${encodeURIComponent(JSON.stringify(input))}`;

describe.each(testDatabaseEngines())('the HTTP API on %s', (engine) => {
  let fixture: Awaited<ReturnType<typeof syncedAccounts>>;
  let app: ReturnType<typeof createApp>;
  let authorization: string;

  beforeAll(async () => {
    fixture = await syncedAccounts(engine);
    app = createApp(fixture.dependencies());
    authorization = `Bearer ${await signEmbedToken({ accountId: fixture.first.account.id, secret: TEST_SECRET, now: TEST_NOW })}`;
  });
  afterAll(() => fixture?.database.close());

  it('answers a query with points', async () => {
    const response = await app.request(query({ metric: 'Placed Order', from: '2026-10-01', to: '2026-10-07' }), { headers: { authorization } });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { result: { data: { points: unknown[] } } };
    expect(body.result.data.points).toHaveLength(7);
  });

  it('answers 401 without a token, saying what is missing', async () => {
    const response = await app.request(query({ metric: 'Placed Order' }));
    expect(response.status).toBe(401);
    const body = (await response.json()) as { error: { message: string; data: { code: string } } };
    expect(body.error.data.code).toBe('UNAUTHORIZED');
    expect(body.error.message).toContain('Authorization: Bearer');
  });

  it('answers 400 for bad input, naming the field, with no stack trace', async () => {
    const response = await app.request(query({ metric: 'Placed Order', from: '01/02/2026' }), { headers: { authorization } });
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(text).not.toMatch(/stack|at .*\.ts:\d+/);
    const body = JSON.parse(text) as { error: { message: string; data: { fieldErrors: unknown } } };
    expect(body.error.message).toBe('Invalid input: from: expected a calendar date like 2026-01-31');
    expect(body.error.data.fieldErrors).toEqual([{ field: 'from', message: 'expected a calendar date like 2026-01-31' }]);
  });

  it('reports health and the last sync to a caller with a token, and nothing without one', async () => {
    expect((await app.request('/health')).status).toBe(401);
    const response = await app.request('/health', { headers: { authorization } });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', database: { reachable: true }, lastSyncAt: TEST_NOW.toISOString() });
  });

  it('answers unknown routes with a JSON 404', async () => {
    const response = await app.request('/nope', { headers: { authorization } });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'No route GET /nope.' } });
  });
});

describe('when the database fails', () => {
  it('answers 500 with a message that hides the internals, and logs them', async () => {
    const fixture = await syncedAccounts('pglite');
    const logged: string[] = [];
    const broken: KlensDatabase = { ...fixture.database };
    await fixture.database.close();
    const app = createApp({ ...fixture.dependencies(broken), logger: createJsonLogger({ level: 'error', write: (line) => logged.push(line) }) });
    const authorization = `Bearer ${await signEmbedToken({ accountId: fixture.first.account.id, secret: TEST_SECRET, now: TEST_NOW })}`;

    const response = await app.request(query({ metric: 'Placed Order' }), { headers: { authorization } });
    expect(response.status).toBe(500);
    const body = (await response.json()) as { error: { message: string } };
    expect(body.error.message).toBe('Klens hit an internal error; it has been logged.');
    expect(logged.join('\n')).toContain('procedure failed');

    const health = await app.request('/health', { headers: { authorization } });
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: 'unavailable', database: { reachable: false } });
  });
});

describe('CORS', () => {
  it('lets configured host origins call the API, and no others', async () => {
    const fixture = await syncedAccounts('pglite');
    try {
      const app = createApp(fixture.dependencies(), { corsOrigins: ['https://shop.example'] });
      const preflight = (origin: string) =>
        app.request(query({ metric: 'Placed Order' }), { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' } });
      expect((await preflight('https://shop.example')).headers.get('access-control-allow-origin')).toBe('https://shop.example');
      expect((await preflight('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await fixture.database.close();
    }
  });
});
