import { randomBytes } from 'node:crypto';
import { access } from 'node:fs/promises';
import { createKlaviyoClient, type Logger, openDatabase, type SyncProgress, type SyncReport, syncAccount } from '@klens/core';
import { startSimulator } from '@klens/klaviyo-sim';
import { createApp, listen } from '@klens/server';
import { createDemoApp } from './demo-app.js';

export interface DemoOptions {
  /** Port of the dashboard. 0 picks a free one. */
  port: number;
  /** Folder of the embedded database; reused across runs. */
  dataDir: string;
  /** Folder of the built dashboard (index.html and assets). */
  webRoot: string;
  /** Seed of the simulated store. */
  seed: number;
  /** Average orders per day at the start of the simulated year. */
  ordersPerDay?: number;
  clock: () => Date;
  logger: Logger;
  onProgress?: (progress: SyncProgress) => void;
  /** Stops the start-up sync between pages (what it loaded is kept); startDemo then rejects with ABORTED. */
  signal?: AbortSignal;
}

export interface RunningDemo {
  url: string;
  accountId: string;
  sync: SyncReport;
  close(): Promise<void>;
}

/**
 * Starts the whole demo: a simulated Klaviyo account, an embedded database synced from it (only
 * what is new when the folder already holds data), the API, and the dashboard, on one port.
 */
export async function startDemo(options: DemoOptions): Promise<RunningDemo> {
  await access(`${options.webRoot}/index.html`).catch(() => {
    throw new Error(`The dashboard is not built (${options.webRoot}/index.html is missing): run \`pnpm build\` first.`);
  });
  const now = new Date(Math.floor(options.clock().getTime() / 1000) * 1000);
  const simulator = await startSimulator({ seed: options.seed, now, port: 0, ...(options.ordersPerDay ? { ordersPerDay: options.ordersPerDay } : {}) });
  const closers: Array<() => Promise<void>> = [() => simulator.close()];
  const closeAll = async () => {
    for (const close of closers.reverse()) await close().catch(() => {});
  };
  try {
    const database = await openDatabase({ engine: 'pglite', dataDir: options.dataDir });
    closers.push(() => database.close());
    const klaviyo = createKlaviyoClient({ apiKey: simulator.apiKey, baseUrl: simulator.url, logger: options.logger });
    const sync = await syncAccount({
      database,
      klaviyo,
      clock: () => now,
      logger: options.logger,
      // The dashboard shows revenue. The simulated funnel's other metrics (emails received, opened,
      // clicked, site activity: about 2M events at the default size) would make the first run take minutes.
      metrics: ['Placed Order'],
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    // A random secret per run: tokens only need to outlive this process.
    const authSecret = randomBytes(32).toString('base64url');
    const api = createApp({ database, authSecret, clock: options.clock, logger: options.logger });
    const app = createDemoApp({ api, webRoot: options.webRoot, accountId: sync.accountId, authSecret, clock: options.clock });
    const server = await listen(app, { port: options.port, hostname: '127.0.0.1' });
    closers.push(() => server.close());
    return { url: server.url.replace('127.0.0.1', 'localhost'), accountId: sync.accountId, sync, close: closeAll };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
