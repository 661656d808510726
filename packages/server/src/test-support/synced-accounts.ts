import { createKlaviyoClient, type KlensDatabase, silentLogger, syncAccount } from '@klens/core';
import { openTestDatabase } from '@klens/core/testing';
import { type KlaviyoStore, startSimulator } from '@klens/klaviyo-sim';
import type { ServerDependencies } from '../trpc/context.js';

export const TEST_SECRET = 'test-secret-for-embed-tokens-0123456789abcdef';
export const TEST_NOW = new Date('2026-11-01T00:00:00Z');

/**
 * Two simulated Klaviyo accounts synced into one database, as a multi-tenant deployment holds
 * them: what the server tests read through the API.
 */
export async function syncedAccounts(engine: 'pglite' | 'postgres') {
  const database = await openTestDatabase(engine);
  const stores: KlaviyoStore[] = [];
  for (const seed of [31, 32]) {
    const sim = await startSimulator({ seed, ordersPerDay: 12, now: TEST_NOW, port: 0 });
    try {
      await syncAccount({
        database,
        klaviyo: createKlaviyoClient({ apiKey: sim.apiKey, baseUrl: sim.url }),
        clock: () => TEST_NOW,
        backfillFrom: sim.store.start,
      });
      stores.push(sim.store);
    } finally {
      await sim.close();
    }
  }
  const dependencies = (database_: KlensDatabase = database): ServerDependencies => ({
    database: database_,
    authSecret: TEST_SECRET,
    clock: () => TEST_NOW,
    logger: silentLogger,
  });
  return { database, first: stores[0]!, second: stores[1]!, dependencies };
}

/** Revenue and order count per local day of `store`, from what the simulator generated. */
export function truthByDay(store: KlaviyoStore, from: string, to: string) {
  const format = new Intl.DateTimeFormat('en-CA', { timeZone: store.account.timezone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const days = new Map<string, { value: number; count: number }>();
  for (const event of store.events()) {
    const day = format.format(event.datetime);
    if (day < from || day > to) continue;
    const total = days.get(day) ?? { value: 0, count: 0 };
    total.value += event.value;
    total.count += 1;
    days.set(day, total);
  }
  return days;
}
