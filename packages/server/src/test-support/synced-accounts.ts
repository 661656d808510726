import { createKlaviyoClient, type KlensDatabase, silentLogger, syncAccount } from '@klens/core';
import { openTestDatabase } from '@klens/core/testing';
import { dailyTotals, type KlaviyoStore, startSimulator } from '@klens/klaviyo-sim';
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

/** Revenue and order count per local day of `store` from `from` to `to`, from what the simulator generated. */
export function truthByDay(store: KlaviyoStore, from: string, to: string) {
  return new Map([...dailyTotals(store)].filter(([day]) => day >= from && day <= to));
}
