import { describe, expect, it } from 'vitest';
import { createKlaviyoStore } from '../../store/create-klaviyo-store.js';
import { readFileSync } from 'node:fs';
import { EDITS_SPEC_PATH, loadSpecValidators } from '../../test-support/openapi-schemas.js';
import { createSimulatorApp, type SimulatorAppOptions } from '../create-simulator-app.js';
import { RateLimiter } from './rate-limiter.js';
import { KLAVIYO_RATE_LIMITS, rateLimitBucket } from './rate-limit-table.js';

const headers = { Authorization: 'Klaviyo-API-Key pk_test', revision: '2026-07-15' };
/** A whole minute (and so a whole second and, below, a known offset into the UTC day). */
const T0 = 1_800_000_000_000;
const store = createKlaviyoStore({ seed: 5, ordersPerDay: 10 });

function appWithClock(options: Partial<SimulatorAppOptions> = {}) {
  const clock = { now: T0 };
  const app = createSimulatorApp(store, { apiKey: 'pk_test', rateLimits: 'klaviyo', clock: () => clock.now, ...options });
  const get = (path: string) => app.request(`http://sim.test${path}`, { headers });
  return { clock, get, app };
}

describe('rate limits (klaviyo mode)', () => {
  it('answers 429 with Retry-After after the burst, and serves again in the next second', async () => {
    const { clock, get } = appWithClock();
    const first = await get('/api/accounts');
    expect(first.status).toBe(200);
    expect([first.headers.get('RateLimit-Limit'), first.headers.get('RateLimit-Remaining'), first.headers.get('RateLimit-Reset')]).toEqual(['15', '14', '60']);

    clock.now += 400;
    const second = await get('/api/accounts');
    expect(second.status).toBe(429);
    expect(second.headers.get('Retry-After')).toBe('1');
    expect(second.headers.get('RateLimit-Limit')).toBeNull();
    const body = (await second.json()) as any;
    expect(body.errors[0]).toMatchObject({
      status: 429,
      code: 'throttled',
      title: 'Request was throttled.',
      detail: 'Request was throttled. Expected available in 1 second.',
    });
    expect(loadSpecValidators().response('ClientError')(body)).toBe(true);

    clock.now = T0 + 1000;
    const third = await get('/api/accounts');
    expect(third.status).toBe(200);
    // The throttled request did not use up quota.
    expect(third.headers.get('RateLimit-Remaining')).toBe('13');
    expect(third.headers.get('RateLimit-Reset')).toBe('59');
  });

  it('throttles after the steady limit until the minute ends', async () => {
    const { clock, get } = appWithClock();
    for (let i = 0; i < 15; i += 1) {
      clock.now = T0 + i * 1000;
      expect((await get('/api/accounts')).status).toBe(200);
    }
    clock.now = T0 + 15_500;
    const throttled = await get('/api/accounts');
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('Retry-After')).toBe('45');
    clock.now = T0 + 59_999;
    expect((await get('/api/accounts')).status).toBe(429);
    clock.now = T0 + 60_000;
    const recovered = await get('/api/accounts');
    expect(recovered.status).toBe(200);
    expect(recovered.headers.get('RateLimit-Remaining')).toBe('14');
  });

  it('keeps one bucket per operation, with the spec limits of each', async () => {
    const { get } = appWithClock();
    expect((await get('/api/accounts')).status).toBe(200);
    expect((await get('/api/accounts')).status).toBe(429);
    // Metrics have their own 10/s bucket.
    const statuses = [];
    for (let i = 0; i < 11; i += 1) statuses.push((await get('/api/metrics')).status);
    expect(statuses).toEqual([...Array(10).fill(200), 429]);
    const events = await get('/api/events?page[size]=1');
    expect(events.headers.get('RateLimit-Limit')).toBe('3500');
  });

  it('counts error responses of a known operation and adds the headers to them', async () => {
    const { get } = appWithClock();
    const bad = await get('/api/events?sort=nope');
    expect(bad.status).toBe(400);
    expect(bad.headers.get('RateLimit-Remaining')).toBe('3499');
  });

  it('gives the edit operations buckets of their own, apart from their path GET', async () => {
    const { app } = appWithClock();
    const send = (method: string, path: string) => app.request(`http://sim.test${path}`, { method, headers });
    const statuses = [];
    // Unknown ids: a 404 counts as any answer of a known operation, and the shared store stays as it is.
    for (let i = 0; i < 4; i += 1) statuses.push((await send('DELETE', '/api/flows/XVTP5Q')).status);
    expect(statuses).toEqual([404, 404, 404, 429]);
    const patch = await send('PATCH', '/api/flows/XVTP5Q');
    expect([patch.status, patch.headers.get('RateLimit-Limit'), patch.headers.get('RateLimit-Remaining')]).toEqual([400, '60', '59']);
    expect((await send('GET', '/api/flows/XVTP5Q')).headers.get('RateLimit-Remaining')).toBe('59');
    const campaign = await send('DELETE', '/api/campaigns/XVTP5Q');
    expect([campaign.headers.get('RateLimit-Limit'), campaign.headers.get('RateLimit-Remaining')]).toEqual(['150', '149']);
    const list = await send('DELETE', '/api/lists/XXXXXX');
    expect([list.status, list.headers.get('RateLimit-Limit'), list.headers.get('RateLimit-Remaining')]).toEqual([404, '150', '149']);
    expect((await send('GET', '/api/lists/XXXXXX')).headers.get('RateLimit-Limit')).toBe('750');
    const segments = [];
    for (let i = 0; i < 4; i += 1) segments.push((await send('DELETE', '/api/segments/XXXXXX')).status);
    expect(segments).toEqual([404, 404, 404, 429]);
    expect((await send('GET', '/api/segments/XXXXXX')).headers.get('RateLimit-Remaining')).toBe('749');
  });

  it("takes the edit operations' limits from openapi-edits.json", () => {
    const spec = JSON.parse(readFileSync(EDITS_SPEC_PATH, 'utf8')) as { paths: Record<string, Record<string, { operationId: string; 'x-klaviyo-ratelimit': { burst: string; steady: string } }>> };
    const operations = Object.values(spec.paths).flatMap((item) => Object.values(item));
    expect(operations.map((operation) => operation.operationId).sort()).toEqual(['delete_campaign', 'delete_flow', 'delete_flow_action', 'delete_list', 'delete_segment', 'update_flow']);
    for (const operation of operations) {
      const { burst, steady } = operation['x-klaviyo-ratelimit'];
      expect(KLAVIYO_RATE_LIMITS[operation.operationId], operation.operationId).toEqual({ burst: Number(burst.replace('/s', '')), steady: Number(steady.replace('/m', '')) });
    }
  });

  it('applies a custom table over the Klaviyo limits', async () => {
    const { get } = appWithClock({ rateLimits: { get_events: { burst: 2, steady: 100 } } });
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await get('/api/events?page[size]=1')).status);
    expect(statuses).toEqual([200, 200, 429]);
    expect((await get('/api/accounts')).headers.get('RateLimit-Limit')).toBe('15');
  });
});

describe("rate limits 'off' (the app's default)", () => {
  it('throttles nothing and still sends RateLimit headers', async () => {
    const app = createSimulatorApp(store, { apiKey: 'pk_test' });
    for (let i = 0; i < 20; i += 1) {
      const response = await app.request('http://sim.test/api/accounts', { headers });
      expect(response.status).toBe(200);
      expect(response.headers.get('RateLimit-Limit')).toBe('15');
    }
  });
});

describe('RateLimiter', () => {
  it('enforces a daily quota until the next UTC day', () => {
    const limiter = new RateLimiter();
    const report = { burst: 1, steady: 2, daily: 225 };
    const dayStart = Math.floor(T0 / 86_400_000) * 86_400_000;
    let now = dayStart;
    for (let i = 0; i < 225; i += 1) {
      expect(limiter.take('query_flow_series', report, now).allowed).toBe(true);
      now += 30_001;
    }
    const refused = limiter.take('query_flow_series', report, now);
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: Math.ceil((dayStart + 86_400_000 - now) / 1000) });
    expect(limiter.take('query_flow_series', report, dayStart + 86_400_000 - 1).allowed).toBe(false);
    expect(limiter.take('query_flow_series', report, dayStart + 86_400_000).allowed).toBe(true);
    // Another report has its own quota.
    expect(limiter.take('query_campaign_values', report, now).allowed).toBe(true);
  });

  it('waits for the later window when burst and steady are both exhausted', () => {
    const limiter = new RateLimiter();
    const limit = { burst: 1, steady: 1 };
    expect(limiter.take('b', limit, T0 + 100).allowed).toBe(true);
    expect(limiter.take('b', limit, T0 + 200)).toEqual({ allowed: false, retryAfterSeconds: 60 });
  });
});

describe('rateLimitBucket', () => {
  it('maps requests to operations and to the costlier variants the spec names', () => {
    const bucket = (method: string, path: string) => rateLimitBucket(method, new URL(`http://x${path}`));
    expect(bucket('GET', '/api/events/')).toBe('get_events');
    expect(bucket('GET', '/api/events/abc')).toBe('get_event');
    expect(bucket('GET', '/api/flows/F1/flow-actions')).toBe('get_actions_for_flow');
    expect(bucket('GET', '/api/profiles?additional-fields[profile]=subscriptions,predictive_analytics')).toBe('get_profiles:predictive_analytics');
    expect(bucket('GET', '/api/profiles?additional-fields[profile]=subscriptions')).toBe('get_profiles');
    expect(bucket('GET', '/api/lists/L1?additional-fields[list]=profile_count')).toBe('get_list:profile_count');
    expect(bucket('POST', '/api/flow-series-reports')).toBe('query_flow_series');
    expect(bucket('PATCH', '/api/flows/F1/')).toBe('update_flow');
    expect(bucket('DELETE', '/api/flows/F1')).toBe('delete_flow');
    expect(bucket('DELETE', '/api/flow-actions/123')).toBe('delete_flow_action');
    expect(bucket('DELETE', '/api/campaigns/C1')).toBe('delete_campaign');
    expect(bucket('DELETE', '/api/lists/L1/')).toBe('delete_list');
    expect(bucket('DELETE', '/api/segments/S1')).toBe('delete_segment');
    expect(bucket('DELETE', '/api/lists')).toBeUndefined();
    expect(bucket('PUT', '/api/flows/F1')).toBeUndefined();
    expect(bucket('DELETE', '/api/flow-messages/M1')).toBeUndefined();
    expect(bucket('GET', '/api/flow-series-reports')).toBeUndefined();
    expect(bucket('GET', '/api/unknown')).toBeUndefined();
  });
});
