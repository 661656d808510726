import { createKlaviyoClient, silentLogger, syncAccount } from '@klens/core';
import { openTestDatabase } from '@klens/core/testing';
import { dailyTotals, startSimulator } from '@klens/klaviyo-sim';
import { createApp, listen, signEmbedToken } from '@klens/server';
import type { TestProject } from 'vitest/node';

const SECRET = 'ui-test-secret-that-is-long-enough-0123456789';
const NOW = new Date('2026-11-01T00:00:00Z');

declare module 'vitest' {
  export interface ProvidedContext {
    klensServerUrl: string;
    klensToken: string;
    klensForeignToken: string;
    /** Revenue and orders per local day of October 2026, from what the simulator generated. */
    klensOctoberTruth: Record<string, { value: number; count: number }>;
  }
}

/**
 * Global setup of the ui tests (runs in Node, outside jsdom): a simulated account synced into an
 * embedded database and served by the real Klens API on a free port, so hooks talk to it over HTTP.
 */
export default async function setup(project: TestProject) {
  const sim = await startSimulator({ seed: 41, ordersPerDay: 12, now: NOW, port: 0 });
  const database = await openTestDatabase('pglite');
  await syncAccount({ database, klaviyo: createKlaviyoClient({ apiKey: sim.apiKey, baseUrl: sim.url }), clock: () => NOW, backfillFrom: sim.store.start });
  const server = await listen(createApp({ database, authSecret: SECRET, clock: () => NOW, logger: silentLogger }), { port: 0 });

  const truth = Object.fromEntries([...dailyTotals(sim.store)].filter(([day]) => day.startsWith('2026-10')));
  // Tokens are minted at the fixed NOW, the clock the server checks them against.
  project.provide('klensServerUrl', server.url);
  project.provide('klensToken', await signEmbedToken({ accountId: sim.store.account.id, secret: SECRET, now: NOW }));
  project.provide('klensForeignToken', await signEmbedToken({ accountId: sim.store.account.id, secret: `${SECRET}-forged`, now: NOW }));
  project.provide('klensOctoberTruth', truth);

  return async () => {
    await server.close();
    await database.close();
    await sim.close();
  };
}
