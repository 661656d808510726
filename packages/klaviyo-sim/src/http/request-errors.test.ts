import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../server/start-simulator.js';
import { apiGet, clientHeaders, firstError, withFilter } from '../test-support/simulator-client.js';

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ seed: 21, ordersPerDay: 15, size: 3000 });
});
afterAll(() => sim.close());

describe('authentication and revision', () => {
  it('answers 401 not_authenticated without a key or with another scheme', async () => {
    const attempts: Record<string, string>[] = [{ revision: '2026-07-15' }, { revision: '2026-07-15', Authorization: `Bearer ${sim.apiKey}` }];
    for (const headers of attempts) {
      const response = await apiGet(sim, '/api/accounts', headers);
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toBe('application/vnd.api+json');
      expect(firstError(response)).toMatchObject({
        status: 401,
        code: 'not_authenticated',
        title: 'Authentication credentials were not provided.',
        detail: 'Missing or invalid authorization scheme. Please use Klaviyo-API-Key.',
        source: { pointer: '/data/' },
      });
    }
  });

  it('answers 401 authentication_failed for a wrong key', async () => {
    const response = await apiGet(sim, '/api/events', { revision: '2026-07-15', Authorization: 'Klaviyo-API-Key pk_wrong' });
    expect(response.status).toBe(401);
    expect(firstError(response)).toMatchObject({ code: 'authentication_failed', title: 'Incorrect authentication credentials.' });
  });

  it('answers 400 on the revision header when it is missing or malformed', async () => {
    const { revision: _, ...withoutRevision } = clientHeaders(sim);
    for (const headers of [withoutRevision, { ...withoutRevision, revision: '2026-7-15' }, { ...withoutRevision, revision: '2026-02-30' }]) {
      const response = await apiGet(sim, '/api/metrics', headers);
      expect(response.status).toBe(400);
      expect(firstError(response)).toMatchObject({ code: 'invalid', source: { parameter: 'revision' } });
      expect(firstError(response).detail).toMatch(/revision/);
    }
    const beta = await apiGet(sim, '/api/metrics', { ...withoutRevision, revision: '2026-07-15.pre' });
    expect(beta.status).toBe(200);
  });

  it('answers 404 and 405 in the error envelope', async () => {
    const missing = await apiGet(sim, '/api/nothing-here');
    expect(missing.status).toBe(404);
    expect(firstError(missing)).toMatchObject({ code: 'not_found' });
    const response = await fetch(`${sim.url}/api/events`, { method: 'POST', headers: clientHeaders(sim) });
    expect(response.status).toBe(405);
    const body = (await response.json()) as { errors: { code: string }[] };
    expect(body.errors[0]?.code).toBe('method_not_allowed');
  });
});

describe('bad parameters name the parameter', () => {
  const cases: [string, string, RegExp][] = [
    [withFilter('/api/events', 'equals(color,"red")'), 'filter', /'color' is not a valid field/],
    [withFilter('/api/events', 'contains(datetime,2026-01-01T00:00:00Z)'), 'filter', /'contains' is not a valid operator for the field 'datetime'/],
    [withFilter('/api/events', 'greater-than(datetime,2026-13-01T00:00:00Z)'), 'filter', /not a valid datetime/],
    [withFilter('/api/events', "greater-than(datetime,'2026-01-01T00:00:00Z')"), 'filter', /unquoted ISO-8601 datetime/],
    [withFilter('/api/events', 'greater-than(timestamp,soon)'), 'filter', /not a valid timestamp/],
    [withFilter('/api/events', 'equals(metric_id,"abc"'), 'filter', /syntax/],
    [withFilter('/api/events', 'or(equals(metric_id,"a"),equals(metric_id,"b"))'), 'filter', /or\(\) is not supported/],
    [withFilter('/api/metrics', 'equals(name,"Placed Order")'), 'filter', /'name' is not a valid field for the resource 'metric'/],
    ['/api/events?page[size]=0', 'page[size]', /from 1 to 1000/],
    ['/api/events?page[size]=1001', 'page[size]', /from 1 to 1000/],
    ['/api/events?page[size]=ten', 'page[size]', /from 1 to 1000/],
    ['/api/events?sort=name', 'sort', /not a valid sort/],
    ['/api/events?include=flows', 'include', /'flows' is not a valid value/],
    ['/api/events?fields[event]=color', 'fields[event]', /'color' is not a valid value/],
    ['/api/accounts?fields[account]=owner', 'fields[account]', /'owner'/],
    ['/api/events?page[cursor]=not-a-cursor', 'page[cursor]', /cursor is not valid/],
    ['/api/events?color=red', 'color', /not a valid query parameter/],
  ];

  it.each(cases)('%s → 400 on %s', async (path, parameter, detail) => {
    const response = await apiGet(sim, path);
    expect(response.status).toBe(400);
    expect(response.body.errors).toHaveLength(1);
    expect(firstError(response)).toMatchObject({ status: 400, code: 'invalid', source: { parameter } });
    expect(firstError(response).detail).toMatch(detail);
    expect(firstError(response).id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('rejects a cursor issued for another query', async () => {
    const placedOrder = sim.store.metrics.find((metric) => metric.name === 'Placed Order')!;
    const first = await apiGet(sim, withFilter('/api/events', `equals(metric_id,"${placedOrder.id}")`, 'page[size]=5'));
    const cursor = new URL(first.body.links.next).searchParams.get('page[cursor]')!;
    const other = await apiGet(sim, withFilter('/api/events', 'greater-than(datetime,2026-01-01T00:00:00Z)', `page[cursor]=${cursor}`));
    expect(other.status).toBe(400);
    expect(firstError(other)).toMatchObject({ source: { parameter: 'page[cursor]' } });
    expect(firstError(other).detail).toMatch(/different query/);
    const descending = await apiGet(sim, withFilter('/api/events', `equals(metric_id,"${placedOrder.id}")`, 'sort=-datetime', `page[cursor]=${cursor}`));
    expect(descending.status).toBe(400);
  });
});
