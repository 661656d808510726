import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KLAVIYO_OPERATIONS, operationFor } from './operations.js';
import { createConcurrencyLimit, createRateLimiter } from './rate-limiter.js';

/** A clock that only moves when someone sleeps: the limiter's waits become exact numbers. */
function virtualTime() {
  let now = 0;
  const sleeps: number[] = [];
  return { now: () => now, sleep: async (ms: number) => void (sleeps.push(ms), (now += ms)), sleeps, at: () => now };
}

describe('createRateLimiter', () => {
  it('lets a burst through at once, then waits for the burst window to pass', async () => {
    const time = virtualTime();
    const limiter = createRateLimiter(time);
    const sentAt: number[] = [];
    for (let i = 0; i < 7; i++) {
      await limiter.acquire({ operationId: 'get_flows', burst: 3, steady: 60 });
      sentAt.push(time.at());
    }
    expect(sentAt).toEqual([0, 0, 0, 1000, 1000, 1000, 2000]);
  });

  it('holds to the steady (per-minute) limit once the minute budget is spent', async () => {
    const time = virtualTime();
    const limiter = createRateLimiter(time);
    const sentAt: number[] = [];
    for (let i = 0; i < 4; i++) {
      await limiter.acquire({ operationId: 'query_campaign_values', burst: 1, steady: 2 });
      sentAt.push(time.at());
    }
    expect(sentAt).toEqual([0, 1000, 60_000, 61_000]);
  });

  it('never exceeds a limit in any fixed window, wherever Klaviyo aligns its windows', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 12 }),
        fc.array(fc.integer({ min: 0, max: 700 }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 0, max: 59_999 }),
        async (burst, steadyExtra, gaps, offset) => {
          const time = virtualTime();
          const limiter = createRateLimiter(time);
          const sentAt: number[] = [];
          for (const gap of gaps) {
            await time.sleep(gap);
            await limiter.acquire({ operationId: 'x', burst, steady: burst + steadyExtra });
            sentAt.push(time.at());
          }
          const most = (ms: number) => {
            const counts = new Map<number, number>();
            for (const at of sentAt) counts.set(Math.floor((at + offset) / ms), (counts.get(Math.floor((at + offset) / ms)) ?? 0) + 1);
            return Math.max(...counts.values());
          };
          expect(most(1000)).toBeLessThanOrEqual(burst);
          expect(most(60_000)).toBeLessThanOrEqual(burst + steadyExtra);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('keeps one budget per endpoint: a slow tier does not delay a fast one', async () => {
    const time = virtualTime();
    const limiter = createRateLimiter(time);
    for (let i = 0; i < 3; i++) await limiter.acquire({ operationId: 'get_accounts', burst: 1, steady: 15 });
    const afterAccounts = time.at();
    for (let i = 0; i < 300; i++) await limiter.acquire({ operationId: 'get_events', burst: 350, steady: 3500 });
    expect(afterAccounts).toBeGreaterThanOrEqual(2000);
    expect(time.at()).toBe(afterAccounts);
  });

  it('progresses even when the clock stands still (a fixed test clock)', async () => {
    const sleeps: number[] = [];
    const limiter = createRateLimiter({ now: () => 0, sleep: async (ms) => void sleeps.push(ms) });
    for (let i = 0; i < 4; i++) await limiter.acquire({ operationId: 'get_accounts', burst: 1, steady: 15 });
    expect(sleeps).toEqual([1000, 1000, 1000]);
  });

  it('stops waiting when the caller aborts', async () => {
    const limiter = createRateLimiter({ now: () => 0, sleep: async () => {} });
    const controller = new AbortController();
    await limiter.acquire({ operationId: 'x', burst: 1, steady: 1 }, controller.signal);
    controller.abort(new Error('stop'));
    await expect(limiter.acquire({ operationId: 'x', burst: 1, steady: 1 }, controller.signal)).rejects.toThrow('stop');
  });
});

describe('createConcurrencyLimit', () => {
  it('never runs more than the limit at once, and runs everything', async () => {
    const limit = createConcurrencyLimit(3);
    let running = 0;
    let peak = 0;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        limit(async () => {
          running += 1;
          peak = Math.max(peak, running);
          await new Promise((resolve) => setTimeout(resolve, (i * 7) % 5));
          running -= 1;
          return i;
        }),
      ),
    );
    expect(peak).toBe(3);
    expect(results).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });
});

describe('the operations table', () => {
  const spec = JSON.parse(readFileSync(new URL('../../../../klaviyo-sim/spec/openapi-subset.json', import.meta.url), 'utf8')) as {
    paths: Record<string, Record<string, { operationId?: string; 'x-klaviyo-ratelimit'?: Record<string, string>; security?: unknown }>>;
  };
  const fromSpec = Object.entries(spec.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([, operation]) => typeof operation === 'object' && operation.operationId)
      .map(([method, operation]) => {
        const limit = operation['x-klaviyo-ratelimit']!;
        const rate = (value: string | undefined) => (value ? Number(value.split('/')[0]) : undefined);
        return { operationId: operation.operationId!, method: method.toUpperCase(), path, burst: rate(limit.burst), steady: rate(limit.steady), daily: rate(limit.daily) };
      }),
  );

  it('has every operation of the spec with its burst, steady and daily limits', () => {
    const ours = KLAVIYO_OPERATIONS.map(({ operationId, method, path, burst, steady, daily }) => ({ operationId, method, path, burst, steady, daily }));
    const sort = <T extends { operationId: string }>(rows: T[]) => [...rows].sort((a, b) => a.operationId.localeCompare(b.operationId));
    expect(sort(ours)).toEqual(sort(fromSpec));
  });

  it('finds the operation of a concrete path, trailing slash or not', () => {
    expect(operationFor('GET', '/api/flows/AbC/flow-actions')?.operationId).toBe('get_actions_for_flow');
    expect(operationFor('GET', '/api/flows/AbC/')?.operationId).toBe('get_flow');
    expect(operationFor('POST', '/api/flows')).toBeUndefined();
  });
});
