import { startSimulator, type RunningSimulator } from '@klens/klaviyo-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJsonLogger } from '../logging/logger.js';
import { createKlaviyoClient, type KlaviyoClientOptions } from './client.js';
import { klaviyoFilter } from './filter.js';

let sim: RunningSimulator;
let placedOrder: string;
const logLines: string[] = [];
const logger = createJsonLogger({ level: 'debug', write: (line) => logLines.push(line) });

beforeAll(async () => {
  sim = await startSimulator({ seed: 11, ordersPerDay: 15, port: 0 });
  placedOrder = sim.store.metrics.find((metric) => metric.name === 'Placed Order')!.id;
});
afterAll(async () => {
  await sim?.close();
  // Whatever happened above, the key never reached a log line.
  expect(logLines.length).toBeGreaterThan(0);
  for (const line of logLines) expect(line).not.toContain(sim.apiKey);
});

const noWait = { sleep: async () => {}, random: () => 0.5 };
const client = (options: Partial<KlaviyoClientOptions> = {}) =>
  createKlaviyoClient({ apiKey: sim.apiKey, baseUrl: sim.url, logger, ...noWait, ...options });

/** A fetch that answers the first `count` calls itself, then passes through to the simulator. */
function failingFirst(count: number, answer: () => Response) {
  const calls: string[] = [];
  const fetchImpl: typeof fetch = async (input, init) => {
    calls.push(String(input));
    return calls.length <= count ? answer() : fetch(input, init);
  };
  return { fetchImpl, calls };
}

describe('paging through events', () => {
  it('follows links.next and returns exactly the simulator events, in order, once each', async () => {
    const from = new Date('2026-01-01T00:00:00Z');
    const to = new Date('2026-03-01T00:00:00Z');
    const expected = [...sim.store.events({ metricId: placedOrder, from, to })].map((event) => event.id);
    const query = {
      filter: klaviyoFilter.and(klaviyoFilter.equals('metric_id', placedOrder), klaviyoFilter.greaterOrEqual('datetime', from), klaviyoFilter.lessThan('datetime', to)),
      sort: 'datetime',
      'page[size]': 100,
    };
    const ids: string[] = [];
    let pages = 0;
    for await (const page of client().pages('/api/events', query)) {
      pages += 1;
      ids.push(...(page.body.data as Array<{ id: string }>).map((event) => event.id));
      expect(page.params['page[size]']).toBe('100');
    }
    expect(expected.length).toBeGreaterThan(500);
    expect(ids).toEqual(expected);
    expect(pages).toBe(Math.ceil(expected.length / 100));
  });

  it('sends the key only to its own base URL, whatever host links.next names', async () => {
    const hosts: string[] = [];
    const rewriting: typeof fetch = async (input, init) => {
      hosts.push(new URL(String(input)).host);
      const response = await fetch(input, init);
      const body = (await response.json()) as { links?: { next?: string } };
      if (body.links?.next) body.links.next = body.links.next.replace(new URL(sim.url).origin, 'https://evil.example');
      return new Response(JSON.stringify(body), { status: response.status, headers: response.headers });
    };
    let pages = 0;
    for await (const _page of client({ fetch: rewriting }).pages('/api/events', { filter: klaviyoFilter.equals('metric_id', placedOrder), 'page[size]': 1000 })) {
      if (++pages === 3) break;
    }
    expect(pages).toBe(3);
    expect(new Set(hosts)).toEqual(new Set([new URL(sim.url).host]));
  });

  it('requests the next page while the caller handles this one, and aborts it when the caller stops', async () => {
    const requested: string[] = [];
    const signals: AbortSignal[] = [];
    const recording: typeof fetch = async (input, init) => {
      requested.push(new URL(String(input)).searchParams.get('page[cursor]') ?? 'first');
      if (init?.signal) signals.push(init.signal);
      return fetch(input, init);
    };
    const seen: number[] = [];
    for await (const page of client({ fetch: recording }).pages('/api/events', { filter: klaviyoFilter.equals('metric_id', placedOrder), 'page[size]': 50 })) {
      // Handed page n, the client has already asked for page n + 1.
      seen.push(requested.length);
      expect(new URL(page.body.links!.next!).searchParams.get('page[cursor]')).toBe(requested.at(-1));
      if (seen.length === 3) break;
    }
    expect(seen).toEqual([2, 3, 4]);
    // The fourth page was on its way when the caller stopped: its request is aborted, not left running.
    expect(requested).toHaveLength(4);
    expect(signals.at(-1)?.aborted).toBe(true);
  });
});

describe('errors', () => {
  it('says the key was refused (401), without repeating the key', async () => {
    const error = await client({ apiKey: 'pk_wrong_key_0123456789' }).get('/api/accounts').catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'KLAVIYO_AUTHENTICATION', status: 401, endpoint: '/api/accounts' });
    expect((error as Error).message).toMatch(/KLAVIYO_API_KEY/);
    expect((error as Error).message).not.toContain('pk_wrong_key_0123456789');
  });

  it('reports a bad filter as a bad request naming the parameter, without retrying', async () => {
    const { fetchImpl, calls } = failingFirst(0, () => new Response());
    const error = await client({ fetch: fetchImpl }).get('/api/events', { filter: 'equals(colour,"red")' }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'KLAVIYO_BAD_REQUEST', status: 400 });
    expect((error as Error).message).toContain('(parameter filter)');
    expect(calls).toHaveLength(1);
  });

  it('retries a 503 and then succeeds', async () => {
    const { fetchImpl, calls } = failingFirst(2, () => new Response('upstream down', { status: 503 }));
    const waits: number[] = [];
    // /api/metrics allows 10 requests a second, so the rate limiter adds no wait of its own here.
    const response = await client({ fetch: fetchImpl, sleep: async (ms) => void waits.push(ms) }).get('/api/metrics');
    expect(response.status).toBe(200);
    expect(calls).toHaveLength(3);
    expect(waits).toEqual([375, 750]); // 500·2^n with jitter at random() = 0.5
  });

  it('waits as long as Retry-After says on a 429', async () => {
    const throttled = () => new Response(JSON.stringify({ errors: [{ id: 'x', code: 'throttled', title: 'Request was throttled.', detail: 'Expected available in 7 seconds.' }] }), { status: 429, headers: { 'retry-after': '7' } });
    const { fetchImpl } = failingFirst(1, throttled);
    const waits: number[] = [];
    await client({ fetch: fetchImpl, sleep: async (ms) => void waits.push(ms) }).get('/api/metrics');
    expect(waits).toEqual([7000]);
  });

  it('gives up on a persistent server error after the last retry, with a coded error', async () => {
    const { fetchImpl, calls } = failingFirst(99, () => new Response('{"errors":[]}', { status: 500 }));
    await expect(client({ fetch: fetchImpl, maxRetries: 2 }).get('/api/metrics')).rejects.toMatchObject({ code: 'KLAVIYO_SERVER', status: 500 });
    expect(calls).toHaveLength(3);
  });

  it('reports an unreachable host as a network error', async () => {
    await expect(client({ baseUrl: 'http://127.0.0.1:1', maxRetries: 1 }).get('/api/metrics')).rejects.toMatchObject({ code: 'KLAVIYO_NETWORK' });
  });

  it('times out a request that never answers', async () => {
    const hanging: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    await expect(client({ fetch: hanging, timeoutMs: 50, maxRetries: 0 }).get('/api/metrics')).rejects.toMatchObject({ code: 'KLAVIYO_NETWORK' });
  });

  it('refuses to start without a key', () => {
    expect(() => createKlaviyoClient({ apiKey: ' ' })).toThrow(/KLAVIYO_API_KEY/);
  });
});
