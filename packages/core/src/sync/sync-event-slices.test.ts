import { createKlaviyoStore, createSimulatorApp } from '@klens/klaviyo-sim';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KlensDatabase } from '../database/database.js';
import { createKlaviyoClient } from '../klaviyo/client.js';
import { openTestDatabase, testDatabaseEngines } from '../testing/test-database.js';
import { syncAccount } from './sync-account.js';

const store = createKlaviyoStore({ seed: 23, ordersPerDay: 6, now: new Date('2026-09-01T00:00:00Z') });
const app = createSimulatorApp(store, { apiKey: 'pk_slices' });
const placedOrder = store.metrics.find((metric) => metric.name === 'Placed Order')!.id;
const backfillFrom = new Date(store.now.getTime() - 60 * 86_400_000);

/** The simulator in-process, answering each request after `delayMs`, counting requests in flight. */
function slowSimulator(delayMs: number) {
  const state = { inFlight: 0, peak: 0, requests: 0 };
  const fetchImpl: typeof fetch = async (input, init) => {
    state.requests += 1;
    state.inFlight += 1;
    state.peak = Math.max(state.peak, state.inFlight);
    try {
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      return await app.fetch(new Request(input, init));
    } finally {
      state.inFlight -= 1;
    }
  };
  return { fetchImpl, state };
}

describe.each(testDatabaseEngines())('events backfill in slices on %s', (engine) => {
  let database: KlensDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
  });
  afterAll(() => database?.close());

  const sync = (fetchImpl: typeof fetch, options: { backfillSlices?: number; signal?: AbortSignal; onProgress?: () => void } = {}) =>
    syncAccount({
      database,
      klaviyo: createKlaviyoClient({ apiKey: 'pk_slices', baseUrl: 'http://sim.test', fetch: fetchImpl, sleep: async () => {} }),
      clock: () => store.now,
      backfillFrom,
      pageSize: 20,
      ...options,
    });

  it('reads the slices in parallel, and each slice watermark is the last datetime it stored', async () => {
    await sql`truncate accounts cascade`.execute(database.kysely);
    const { fetchImpl, state } = slowSimulator(20);
    const report = await sync(fetchImpl, { backfillSlices: 4 });
    const truth = [...store.events({ metricId: placedOrder, from: backfillFrom, to: store.now })];
    expect(report.eventsAdded).toBe(truth.length);
    expect(state.peak).toBeGreaterThan(1);
    expect(state.peak).toBeLessThanOrEqual(4);

    const slices = await database.kysely.selectFrom('sync_state').select(['stream', 'watermark', 'details']).where('stream', 'like', `events:${placedOrder}@%`).execute();
    expect(slices).toHaveLength(4);
    for (const slice of slices) {
      const { from, to, done } = slice.details as { from: string; to: string; done: boolean };
      const inSlice = truth.filter((event) => event.datetime >= new Date(from) && event.datetime < new Date(to));
      expect(done).toBe(true);
      expect(inSlice.length).toBeGreaterThan(0);
      expect(new Date(slice.watermark!).getTime()).toBe(Math.max(...inSlice.map((event) => event.datetime.getTime())));
    }
    const metricState = await database.kysely.selectFrom('sync_state').select('watermark').where('stream', '=', `events:${placedOrder}`).executeTakeFirstOrThrow();
    expect(new Date(metricState.watermark!).getTime()).toBe(truth.at(-1)!.datetime.getTime());
  });

  it('never moves a slice watermark past what it stored when stopped midway, and resumes to the same rows', async () => {
    await sql`truncate accounts cascade`.execute(database.kysely);
    const { fetchImpl } = slowSimulator(5);
    const controller = new AbortController();
    let pages = 0;
    const stopped = sync(fetchImpl, { backfillSlices: 3, signal: controller.signal, onProgress: () => void (++pages === 5 && controller.abort()) });
    await expect(stopped).rejects.toMatchObject({ code: 'ABORTED' });

    const { rows } = await sql<{ stream: string; watermark: Date | null; stored: Date | null }>`
      select s.stream, s.watermark, (select max(e.datetime) from events e
        where e.datetime >= (s.details->>'from')::timestamptz and e.datetime < (s.details->>'to')::timestamptz) as stored
      from sync_state s where s.stream like ${`events:${placedOrder}@%`}`.execute(database.kysely);
    expect(rows).toHaveLength(3);
    expect(rows.some((row) => row.watermark !== null)).toBe(true);
    for (const row of rows) expect(row.watermark === null ? null : new Date(row.watermark).getTime()).toBe(row.stored === null ? null : new Date(row.stored).getTime());
    expect(Number((await sql<{ n: number }>`select count(*)::int as n from events`.execute(database.kysely)).rows[0]!.n)).toBe(100);

    await sync(fetchImpl, { backfillSlices: 3 });
    const ids = (await database.kysely.selectFrom('events').select('id').orderBy('id').execute()).map((row) => row.id);
    expect(ids).toEqual([...store.events({ metricId: placedOrder, from: backfillFrom, to: store.now })].map((event) => event.id).sort());
  });
});
