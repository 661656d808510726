import { createKlaviyoStore, createSimulatorApp, type FaultKind, type SimulatorAppOptions } from '@klens/klaviyo-sim';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KlensDatabase } from '../database/database.js';
import { createKlaviyoClient, type KlaviyoClientOptions } from '../klaviyo/client.js';
import { openTestDatabase, testDatabaseEngines } from '../testing/test-database.js';
import { syncAccount } from './sync-account.js';

// Under each fault of the simulator's fault plan, a sync either ends with exactly the rows of a
// fault-free sync (nothing lost, nothing twice) or fails with a coded error that says what to do.

const API_KEY = 'pk_faults_test';
const store = createKlaviyoStore({ seed: 17, ordersPerDay: 6, now: new Date('2026-10-01T00:00:00Z') });
const backfillFrom = new Date(store.now.getTime() - 40 * 86_400_000);

/**
 * The simulator app as the client's fetch: no socket, the same HTTP semantics, including a fetch
 * that rejects when its signal aborts (the app itself would answer a hung request later).
 */
function simulatorFetch(options: Partial<SimulatorAppOptions> = {}): typeof fetch {
  const app = createSimulatorApp(store, { apiKey: API_KEY, ...options });
  return async (input, init) => {
    const signal = init?.signal;
    signal?.throwIfAborted();
    const answer = Promise.resolve(app.fetch(new Request(input, init)));
    if (!signal) return answer;
    return Promise.race([answer, new Promise<never>((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }))]);
  };
}

/** What a run saw of the faults: every answer, and the requests that never got one. */
function observing(inner: typeof fetch) {
  const seen = { statuses: [] as number[], unparsable: 0, abandoned: 0, repeatedIds: 0, cursorRefused: 0 };
  const ids = new Set<string>();
  const fetchImpl: typeof fetch = async (input, init) => {
    let response: Response;
    try {
      response = await inner(input, init);
    } catch (error) {
      seen.abandoned += 1;
      throw error;
    }
    const text = await response.clone().text();
    seen.statuses.push(response.status);
    if (response.status === 400 && text.includes('cursor')) seen.cursorRefused += 1;
    if (response.status !== 200) return response;
    try {
      const body = JSON.parse(text) as { data: unknown };
      if (Array.isArray(body.data) && String(input).includes('/api/events')) {
        for (const { id } of body.data as Array<{ id: string }>) {
          if (ids.has(id)) seen.repeatedIds += 1;
          ids.add(id);
        }
      }
    } catch {
      seen.unparsable += 1;
    }
    return response;
  };
  return { fetchImpl, seen };
}

async function runSync(database: KlensDatabase, fetchImpl: typeof fetch, client: Partial<KlaviyoClientOptions> = {}) {
  const klaviyo = createKlaviyoClient({ apiKey: API_KEY, baseUrl: 'http://sim.test', fetch: fetchImpl, sleep: async () => {}, random: () => 0.5, ...client });
  const report = await syncAccount({ database, klaviyo, clock: () => store.now, backfillFrom, pageSize: 25 });
  return { report };
}

/** What the sync loaded, in a form two databases can be compared by. */
async function snapshot(database: KlensDatabase) {
  const db = database.kysely;
  const events = await sql<{ id: string; row: string }>`select id, (metric_id || '|' || coalesce(profile_id, '') || '|' || datetime::text || '|' || coalesce(value::text, '') || '|' || properties::text) as row from events order by id`.execute(db);
  const metrics = await sql<{ id: string; name: string }>`select id, name from metrics order by id`.execute(db);
  const quarantined = await sql<{ record_id: string; stream: string }>`select record_id, stream from quarantined_records order by record_id`.execute(db);
  return { events: new Map(events.rows.map((row) => [row.id, row.row])), metrics: metrics.rows, quarantined: quarantined.rows };
}

describe.each(testDatabaseEngines())('sync under faults on %s', (engine) => {
  // One database per engine, emptied before each run: opening PGlite costs seconds, truncating nothing.
  let database: KlensDatabase;
  const fresh = async () => {
    await sql`truncate accounts cascade`.execute(database.kysely);
    return database;
  };
  let clean: Awaited<ReturnType<typeof snapshot>>;

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    await fresh();
    await runSync(database, simulatorFetch());
    clean = await snapshot(database);
    expect(clean.events.size).toBeGreaterThan(200);
    expect(clean.quarantined).toEqual([]);
  }, 180_000);
  afterAll(async () => {
    await database?.close();
  });

  type Seen = ReturnType<typeof observing>['seen'];
  const recovering: Array<[FaultKind, string, (seen: Seen) => number]> = [
    ['server-errors', 'server-errors:0.3:3', (seen) => seen.statuses.filter((status) => status >= 500).length],
    ['timeout', 'timeout:0.2:5000ms', (seen) => seen.abandoned],
    ['truncated', 'truncated:0.3', (seen) => seen.unparsable],
    ['expired-cursor', 'expired-cursor:0.5', (seen) => seen.cursorRefused],
    ['duplicates', 'duplicates:0.5', (seen) => seen.repeatedIds],
  ];

  it.each(recovering)('recovers from %s with exactly the fault-free rows', async (_kind, plan, faults) => {
    await fresh();
    const { fetchImpl, seen } = observing(simulatorFetch({ faults: plan, faultSeed: 4 }));
    const { report } = await runSync(database, fetchImpl, { timeoutMs: 150 });
    expect(faults(seen)).toBeGreaterThan(0);
    const faulted = await snapshot(database);
    expect(faulted.metrics).toEqual(clean.metrics);
    expect(faulted.quarantined).toEqual([]);
    expect(faulted.events.size).toBe(clean.events.size);
    expect(faulted.events).toEqual(clean.events);
    expect(report.eventsAdded).toBe(clean.events.size);
  });

  it('sets malformed records aside and loads every other record exactly as without faults', async () => {
    await fresh();
    const { report } = await runSync(database, simulatorFetch({ faults: 'malformed:0.3', faultSeed: 4 }));
    const faulted = await snapshot(database);
    expect(faulted.quarantined.length).toBeGreaterThan(0);
    expect(report.quarantined).toBe(faulted.quarantined.length);
    const quarantinedIds = new Set(faulted.quarantined.map((row) => row.record_id));
    const lostMetrics = new Set(clean.metrics.filter((metric) => quarantinedIds.has(metric.id)).map((metric) => metric.id));
    const expected = new Map([...clean.events].filter(([id, row]) => !quarantinedIds.has(id) && !lostMetrics.has(row.split('|')[0]!)));
    expect(faulted.events).toEqual(expected);
    expect(faulted.metrics).toEqual(clean.metrics.filter((metric) => !lostMetrics.has(metric.id)));
  });

  it('fails with a coded error when the server keeps failing past the retries', async () => {
    await fresh();
    const error = await runSync(database, simulatorFetch({ faults: 'server-errors:1:10', faultSeed: 9 }), { maxRetries: 1 }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'KLAVIYO_SERVER', attempts: 2 });
    expect((error as Error).message).toMatch(/try again later/);
  });

  it('sends no request over the spec limits of a simulator that enforces them', async () => {
    let now = store.now.getTime();
    const statuses: number[] = [];
    const inner = simulatorFetch({ rateLimits: 'klaviyo', clock: () => now });
    const counting: typeof fetch = async (input, init) => {
      const response = await inner(input, init);
      statuses.push(response.status);
      return response;
    };
    // One virtual clock for both sides: the client's waits move the simulator's windows.
    const client = (options: Partial<KlaviyoClientOptions> = {}) =>
      createKlaviyoClient({ apiKey: API_KEY, baseUrl: 'http://sim.test', fetch: counting, clock: () => new Date(now), sleep: async (ms) => void (now += ms), maxConcurrency: 1, ...options });
    const burst = async (klaviyo: ReturnType<typeof createKlaviyoClient>) => {
      // Accounts allow 1/s and 15/min, metrics 10/s and 150/min: 20 and 30 at once overrun both.
      await Promise.all([...Array.from({ length: 20 }, () => klaviyo.get('/api/accounts')), ...Array.from({ length: 30 }, () => klaviyo.get('/api/metrics'))]);
    };
    await burst(client());
    expect(statuses).toHaveLength(50);
    expect(statuses.filter((status) => status === 429)).toEqual([]);
    expect(now - store.now.getTime()).toBeGreaterThanOrEqual(60_000); // the 16th accounts request waited for the next minute

    // The control: without the limiter the same requests are throttled, and recover through Retry-After.
    statuses.length = 0;
    await burst(client({ rateLimiter: { acquire: async () => {} }, maxRetries: 100, deadlineMs: 1e9 }));
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThan(0);
    expect(statuses.filter((status) => status === 200)).toHaveLength(50);
  });
});
