import { dailyTotals, type RunningSimulator, startSimulator } from '@klens/klaviyo-sim';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { KlensDatabase } from '../database/database.js';
import { createKlaviyoClient } from '../klaviyo/client.js';
import { metricTimeSeries } from '../metrics/metric-time-series.js';
import { openTestDatabase, testDatabaseEngines } from '../testing/test-database.js';
import { syncAccount } from './sync-account.js';
import type { SyncOptions } from './types.js';

const SEED = 21;
const NOW = new Date('2026-11-01T00:00:00Z');

describe.each(testDatabaseEngines())('syncAccount on %s', (engine) => {
  let sim: RunningSimulator;
  let placedOrderId: string;
  let database: KlensDatabase;
  const open: KlensDatabase[] = [];

  const fresh = async () => {
    const opened = await openTestDatabase(engine);
    open.push(opened);
    return opened;
  };
  const sync = (target: KlensDatabase, options: Partial<SyncOptions> = {}, simulator = sim) =>
    syncAccount({
      database: target,
      klaviyo: createKlaviyoClient({ apiKey: simulator.apiKey, baseUrl: simulator.url, sleep: async () => {} }),
      clock: () => simulator.store.now,
      backfillFrom: simulator.store.start,
      ...options,
    });
  const eventCount = async (target: KlensDatabase) =>
    Number((await sql<{ n: number }>`select count(*)::int as n from events`.execute(target.kysely)).rows[0]!.n);

  beforeAll(async () => {
    sim = await startSimulator({ seed: SEED, ordersPerDay: 15, now: NOW, port: 0 });
    placedOrderId = sim.store.metrics.find((metric) => metric.name === 'Placed Order')!.id;
    database = await fresh();
  });
  afterAll(async () => {
    for (const opened of open) await opened.close();
    await sim?.close();
  });

  it('loads every Placed Order, and the daily sums equal what the simulator generated', async () => {
    const truth = dailyTotals(sim.store, { metricId: placedOrderId });
    const expectedCount = [...truth.values()].reduce((sum, day) => sum + day.count, 0);
    const report = await sync(database);

    expect(report.accountId).toBe(sim.store.account.id);
    expect(report.eventsAdded).toBe(expectedCount);
    expect(report.quarantined).toBe(0);
    expect(await eventCount(database)).toBe(expectedCount);

    const days = [...truth.keys()].sort();
    const series = await metricTimeSeries(database, { accountId: report.accountId, metric: 'Placed Order', from: days[0]!, to: days.at(-1)! });
    expect(series.points.length).toBe(days.length);
    for (const point of series.points) {
      const expected = truth.get(point.period) ?? { value: 0, count: 0 };
      expect(point.count, point.period).toBe(expected.count);
      expect(point.value, point.period).toBeCloseTo(expected.value, 6);
    }
  });

  it('stores every page raw, with what was asked and what came back', async () => {
    const { rows } = await sql<{ endpoint: string; pages: number; records: number }>`
      select endpoint, count(*)::int as pages, sum(jsonb_array_length(case jsonb_typeof(body->'data') when 'array' then body->'data' else '[]'::jsonb end))::int as records
      from raw_api_responses group by endpoint order by endpoint`.execute(database.kysely);
    const total = await eventCount(database);
    // The backfill ran in slices: each pages through its own part of the window.
    const slices = await database.kysely.selectFrom('sync_state').select('details').where('stream', 'like', `events:${placedOrderId}@%`).execute();
    expect(slices).toHaveLength(4);
    const expectedPages = slices
      .map(({ details }) => details as { from: string; to: string })
      .reduce((sum, slice) => sum + Math.ceil([...sim.store.events({ metricId: placedOrderId, from: new Date(slice.from), to: new Date(slice.to) })].length / 1000), 0);
    expect(rows).toEqual([
      { endpoint: '/api/accounts', pages: 1, records: 1 },
      { endpoint: '/api/events', pages: expectedPages, records: total },
      { endpoint: '/api/metrics', pages: 1, records: sim.store.metrics.length },
    ]);
    const first = await database.kysely.selectFrom('raw_api_responses').select(['params', 'revision']).where('endpoint', '=', '/api/events').orderBy('id').executeTakeFirstOrThrow();
    expect(first.revision).toBe('2026-07-15');
    expect(first.params).toMatchObject({ sort: 'datetime', 'page[size]': '1000', filter: expect.stringContaining(`equals(metric_id,"${placedOrderId}")`) });
  });

  it('adds nothing when run again', async () => {
    const before = await eventCount(database);
    const report = await sync(database);
    expect(report.eventsAdded).toBe(0);
    const events = report.streams.find((stream) => stream.stream === `events:${placedOrderId}`)!;
    expect(events.received).toBeGreaterThan(0); // the lookback window is read again …
    expect(events.added).toBe(0); // … and recognised
    expect(await eventCount(database)).toBe(before);
  });

  it('resumes an interrupted sync where it stopped, losing and duplicating nothing', async () => {
    const target = await fresh();
    const controller = new AbortController();
    const interrupted = sync(target, {
      pageSize: 500,
      signal: controller.signal,
      onProgress: (progress) => {
        if (progress.pages === 3) controller.abort();
      },
    });
    await expect(interrupted).rejects.toMatchObject({ code: 'ABORTED' });
    expect(await eventCount(target)).toBe(1500);

    const resumed = await sync(target, { pageSize: 500 });
    const total = [...sim.store.events({ metricId: placedOrderId })].length;
    expect(resumed.eventsAdded).toBe(total - 1500);
    expect(await eventCount(target)).toBe(total);
  });

  it('quarantines bad records with their reason and loads the rest', async () => {
    const target = await fresh();
    let corrupted = false;
    const corrupting: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (corrupted || !String(input).includes('/api/events')) return response;
      corrupted = true;
      const body = (await response.json()) as { data: Array<{ id: string; attributes: Record<string, unknown> }> };
      (body.data[2]!.attributes.event_properties as Record<string, unknown>).$value = 'lots';
      body.data[5]!.attributes.datetime = null;
      body.data[5]!.attributes.timestamp = null;
      return new Response(JSON.stringify(body), { status: 200, headers: response.headers });
    };
    const report = await syncAccount({
      database: target,
      klaviyo: createKlaviyoClient({ apiKey: sim.apiKey, baseUrl: sim.url, fetch: corrupting }),
      clock: () => sim.store.now,
      backfillFrom: sim.store.start,
      // One slice, so that the first page the corrupting fetch sees is the first of the window.
      backfillSlices: 1,
    });
    const total = [...sim.store.events({ metricId: placedOrderId })].length;
    expect(report.quarantined).toBe(2);
    expect(await eventCount(target)).toBe(total - 2);
    const quarantined = await target.kysely.selectFrom('quarantined_records').select(['record_id', 'reason', 'stream']).orderBy('id').execute();
    const ids = [...sim.store.events({ metricId: placedOrderId })].slice(0, 6).map((event) => event.id);
    expect(quarantined).toEqual([
      { record_id: ids[2], reason: '$value "lots" is not a finite number', stream: `events:${placedOrderId}` },
      { record_id: ids[5], reason: 'event has neither datetime nor timestamp', stream: `events:${placedOrderId}` },
    ]);
  });

  it('reads only what is new when the account has moved on', async () => {
    const target = await fresh();
    await sync(target);
    const later = await startSimulator({ seed: SEED, ordersPerDay: 15, now: new Date(NOW.getTime() + 5 * 86_400_000), port: 0 });
    try {
      const report = await sync(target, {}, later);
      const newEvents = [...later.store.events({ metricId: placedOrderId, from: NOW })].length;
      expect(newEvents).toBeGreaterThan(20);
      expect(report.eventsAdded).toBe(newEvents);
      expect(report.streams.find((stream) => stream.stream.startsWith('events:'))!.watermark!.getTime()).toBeLessThan(later.store.now.getTime());
    } finally {
      await later.close();
    }
  });

  it('reports requested metrics the account does not have', async () => {
    const report = await sync(database, { metrics: ['Placed Order', 'Refunded Order'] });
    expect(report.missingMetrics).toEqual(['Refunded Order']);
  });
});
