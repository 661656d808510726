import { describe, expect, it } from 'vitest';
import { createJsonLogger } from '../logging/logger.js';
import { createKlaviyoClient, type KlaviyoClientOptions } from './client.js';
import type { KlaviyoError } from './errors.js';

const KEY = 'pk_secret_0123456789abcdef';
const ok = (data: unknown = []) => new Response(JSON.stringify({ data, links: {} }), { status: 200 });
const errorBody = (status: number, code: string) => JSON.stringify({ errors: [{ id: 'e', status, code, title: code, detail: `detail of ${code}` }] });

/** A fetch that answers from a list of responses (the last one repeats) and records each request. */
function scripted(...answers: Array<() => Response>) {
  const requests: Array<{ url: string; init: RequestInit | undefined }> = [];
  const fetchImpl: typeof fetch = async (input, init) => {
    requests.push({ url: String(input), init });
    return answers[Math.min(requests.length, answers.length) - 1]!();
  };
  return { fetchImpl, requests };
}

function client(options: Partial<KlaviyoClientOptions> = {}) {
  const lines: string[] = [];
  const waits: number[] = [];
  const klaviyo = createKlaviyoClient({
    apiKey: KEY,
    baseUrl: 'http://klaviyo.test',
    logger: createJsonLogger({ level: 'debug', write: (line) => lines.push(line) }),
    sleep: async (ms) => void waits.push(ms),
    random: () => 0.5,
    ...options,
  });
  return { klaviyo, lines, waits };
}

const failure = (promise: Promise<unknown>) => promise.then(() => expect.fail('expected a failure'), (error: unknown) => error as KlaviyoError);

describe('the request path', () => {
  it('retries a body cut off mid-way, then returns the complete one', async () => {
    const { fetchImpl, requests } = scripted(() => new Response('{"data":[{"type":"metric","id":"a"', { status: 200 }), () => ok([{ id: 'a' }]));
    const { klaviyo, waits } = client({ fetch: fetchImpl });
    const response = await klaviyo.get('/api/metrics');
    expect(response.body.data).toEqual([{ id: 'a' }]);
    expect(requests).toHaveLength(2);
    expect(waits).toEqual([375]);
  });

  it('gives up on bodies that stay malformed with a coded error saying nothing was stored', async () => {
    const { fetchImpl, requests } = scripted(() => new Response('<html>oops', { status: 200 }));
    const error = await failure(client({ fetch: fetchImpl, maxRetries: 2 }).klaviyo.get('/api/metrics'));
    expect(error).toMatchObject({ code: 'KLAVIYO_INVALID_RESPONSE', status: 200, attempts: 3, endpoint: '/api/metrics' });
    expect(error.message).toMatch(/cut off .* after 3 attempts/);
    expect(requests).toHaveLength(3);
  });

  it('names the missing scope on a 403 and does not retry it', async () => {
    const { fetchImpl, requests } = scripted(() => new Response(errorBody(403, 'permission_denied'), { status: 403 }));
    const error = await failure(client({ fetch: fetchImpl }).klaviyo.get('/api/flows'));
    expect(error).toMatchObject({ code: 'KLAVIYO_PERMISSION', status: 403, attempts: 1 });
    expect(error.message).toContain('flows:read');
    expect(requests).toHaveLength(1);
  });

  it('turns 429s that outlast the retries into a rate-limit error that says when to try again', async () => {
    const { fetchImpl, requests } = scripted(() => new Response(errorBody(429, 'throttled'), { status: 429, headers: { 'retry-after': '3' } }));
    const { klaviyo, waits } = client({ fetch: fetchImpl, maxRetries: 2 });
    const error = await failure(klaviyo.get('/api/events'));
    expect(error).toMatchObject({ code: 'KLAVIYO_RATE_LIMITED', status: 429, retryAfterSeconds: 3 });
    expect(error.message).toContain('try again in 3 s');
    expect(requests).toHaveLength(3);
    expect(waits).toEqual([3000, 3000]);
  });

  it('stops retrying when the total deadline would pass, and says so', async () => {
    const { fetchImpl, requests } = scripted(() => new Response('bad gateway', { status: 502 }));
    const { klaviyo, waits } = client({ fetch: fetchImpl, maxRetries: 10, deadlineMs: 2_000 });
    const error = await failure(klaviyo.get('/api/metrics'));
    expect(error).toMatchObject({ code: 'KLAVIYO_SERVER', status: 502 });
    expect(error.message).toContain('2 s deadline');
    // 375 + 750 = 1125 ms waited; the next wait (1500 ms) would end past 2 s.
    expect(waits).toEqual([375, 750]);
    expect(requests).toHaveLength(3);
  });

  it('backs off exponentially with the injected jitter', async () => {
    const { fetchImpl } = scripted(() => new Response('', { status: 503 }));
    const draws = [0, 1, 0.5, 0.25];
    const { klaviyo, waits } = client({ fetch: fetchImpl, maxRetries: 4, random: () => draws.shift() ?? 0 });
    await failure(klaviyo.get('/api/metrics'));
    // Attempt n waits between half and all of 500·2^n ms.
    expect(waits).toEqual([250, 1000, 1500, 2500]);
  });

  it('never puts the key in an error, its cause or a log line, whatever fails', async () => {
    const outcomes: Array<() => Response> = [
      () => new Response(errorBody(401, 'not_authenticated'), { status: 401 }),
      () => new Response(errorBody(400, 'invalid'), { status: 400 }),
      () => new Response('{', { status: 200 }),
      () => {
        throw new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED') });
      },
    ];
    const collected: string[] = [];
    for (const outcome of outcomes) {
      const { fetchImpl } = scripted(outcome);
      const { klaviyo, lines } = client({ fetch: fetchImpl, maxRetries: 1 });
      const error = await failure(klaviyo.get('/api/metrics', { filter: 'equals(name,"x")' }));
      collected.push(error.message, String(error.cause), JSON.stringify(error), error.stack ?? '', ...lines);
    }
    expect(collected.join('\n')).not.toContain(KEY);
    expect(collected.join('\n')).toContain('KLAVIYO_API_KEY'); // the 401 says which setting to fix
  });

  it('keeps at most maxConcurrency requests in flight', async () => {
    let inFlight = 0;
    let peak = 0;
    const slow: typeof fetch = async () => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight -= 1;
      return ok();
    };
    const { klaviyo } = client({ fetch: slow, maxConcurrency: 2 });
    await Promise.all(Array.from({ length: 8 }, () => klaviyo.get('/api/events')));
    expect(peak).toBe(2);
  });

  it('sends typed queries with arrays comma-separated, and POST bodies as JSON:API', async () => {
    const { fetchImpl, requests } = scripted(() => ok({ type: 'metric-aggregate', id: 'x', attributes: { dates: [], data: [] } }));
    const { klaviyo } = client({ fetch: fetchImpl });
    await klaviyo.read('/api/flows/{id}', { path: { id: 'F 1' }, query: { 'fields[flow]': ['name', 'status'] } });
    await klaviyo.post('/api/metric-aggregates', {
      data: { type: 'metric-aggregate', attributes: { metric_id: 'M', measurements: ['count'], filter: ['greater-or-equal(datetime,2026-01-01T00:00:00)'] } },
    });
    const [read, post] = requests;
    expect(read!.url).toBe('http://klaviyo.test/api/flows/F%201?fields%5Bflow%5D=name%2Cstatus');
    expect(post!.init).toMatchObject({ method: 'POST', headers: { 'content-type': 'application/vnd.api+json', revision: '2026-07-15' } });
    expect(JSON.parse(String(post!.init!.body))).toMatchObject({ data: { type: 'metric-aggregate', attributes: { metric_id: 'M' } } });
  });

  it('turns the caller aborting into ABORTED, not a retry', async () => {
    const controller = new AbortController();
    const hanging: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    const { klaviyo } = client({ fetch: hanging });
    const pending = klaviyo.get('/api/metrics', undefined, controller.signal);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: 'ABORTED' });
  });
});

describe('a listing whose pages come back cut off', () => {
  /** Three pages of one listing; `answer` may replace the body of a page's nth request. */
  function listing(answer: (page: number, request: number) => string | undefined = () => undefined) {
    const requests: number[] = [];
    const bodyOf = (page: number) =>
      JSON.stringify({ data: [{ type: 'event', id: `event-of-page-${page}` }], links: page < 3 ? { next: `http://klaviyo.test/api/events?page%5Bcursor%5D=p${page + 1}` } : {} });
    const fetchImpl: typeof fetch = async (input) => {
      const page = Number(new URL(String(input)).searchParams.get('page[cursor]')?.slice(1) ?? 1);
      requests.push(page);
      const nth = requests.filter((requested) => requested === page).length;
      return new Response(answer(page, nth) ?? bodyOf(page), { status: 200 });
    };
    return { fetchImpl, requests };
  }

  it('fetches the page again and hands the caller every page once', async () => {
    const { fetchImpl, requests } = listing((page, nth) => (page === 2 && nth === 1 ? '{"data":[{"type":"event","id":"event-of-pa' : undefined));
    const { klaviyo, waits, lines } = client({ fetch: fetchImpl });
    const ids: string[] = [];
    for await (const page of klaviyo.pages('/api/events')) ids.push(...(page.body.data as Array<{ id: string }>).map((event) => event.id));
    expect(ids).toEqual(['event-of-page-1', 'event-of-page-2', 'event-of-page-3']);
    expect(requests).toEqual([1, 2, 2, 3]);
    expect(waits).toEqual([375]);
    expect(lines.some((line) => line.includes('klaviyo request retried') && line.includes('malformed'))).toBe(true);
  });

  it('gives up on a page whose body stays cut off, with the same coded error as any request, after the pages before it', async () => {
    const { fetchImpl, requests } = listing((page) => (page === 2 ? '{"data":[' : undefined));
    const { klaviyo } = client({ fetch: fetchImpl, maxRetries: 2 });
    const ids: string[] = [];
    const error = await failure(
      (async () => {
        for await (const page of klaviyo.pages('/api/events')) ids.push(...(page.body.data as Array<{ id: string }>).map((event) => event.id));
      })(),
    );
    expect(ids).toEqual(['event-of-page-1']);
    expect(error).toMatchObject({ code: 'KLAVIYO_INVALID_RESPONSE', attempts: 3, endpoint: '/api/events' });
    expect(requests).toEqual([1, 2, 2, 2]);
  });
});
