import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type RunningSimulator, startSimulator } from '@klens/klaviyo-sim';
import { signEmbedToken } from '@klens/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runToEnd, spawnUntil, stop } from './spawn-until.js';

const cli = resolve(dirname(fileURLToPath(import.meta.url)), '../packages/server/dist/cli.js');
const secret = 'cli-test-secret-that-is-long-enough-0123456789';

describe('the klens CLI', () => {
  let sim: RunningSimulator;
  let dataDir: string;

  beforeAll(async () => {
    if (!existsSync(cli)) throw new Error('The server is not built: run `pnpm build` (pnpm test does) before this suite.');
    // A small store (1,000 profiles, 3 months): the sync reads its orders and every resource, and
    // Klaviyo's rate limits (one request per campaign for its messages) set the pace.
    sim = await startSimulator({ seed: 51, size: 1000, months: 3, ordersPerDay: 10, port: 0 });
    dataDir = await mkdtemp(join(tmpdir(), 'klens-cli-'));
  });
  afterAll(async () => {
    await sim?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  // The CLI prefers DATABASE_URL, which the test run may set for the database suites: these tests
  // choose their own (embedded) database instead.
  const run = (args: string[], env: Record<string, string>) => runToEnd({ script: cli, args, env: { DATABASE_URL: '', ...env } });

  it('sync pulls the account, showing progress, and says what it added', async () => {
    // Reach back further than the simulated window, so that every event it has is due.
    const result = await run(['sync'], { KLAVIYO_API_KEY: sim.apiKey, KLAVIYO_BASE_URL: sim.url, KLENS_DATA_DIR: dataDir, KLENS_BACKFILL_DAYS: '1500' });
    expect(result.status, result.stderr).toBe(0);
    // A sync without KLENS_SYNC_METRICS loads Placed Order events (what the revenue views read).
    const placedOrder = sim.store.metrics.find((metric) => metric.name === 'Placed Order')!;
    const total = [...sim.store.events({ metricId: placedOrder.id })].length;
    expect(result.stdout).toBe(`Synced account ${sim.store.account.id}: ${total} new events, 0 quarantined.\n`);
    expect(result.stderr).toMatch(/events:\w+: \d+ pages, \d+ records \(\d+ new\)/);
    expect(result.stderr + result.stdout).not.toContain(sim.apiKey);
  });

  it('sync with a refused key explains what to fix, without printing the key', async () => {
    const result = await run(['sync'], { KLAVIYO_API_KEY: 'pk_not_the_right_one_000', KLAVIYO_BASE_URL: sim.url, KLENS_DATA_DIR: dataDir });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Klaviyo rejected the API key \(401\).*KLAVIYO_API_KEY/);
    expect(result.stderr).not.toContain('pk_not_the_right_one_000');
  });

  it('refuses to serve without a signing secret (exit 2)', async () => {
    const result = await run(['serve'], { KLENS_DATA_DIR: dataDir, KLENS_AUTH_SECRET: '' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('KLENS_AUTH_SECRET must be set to at least 32 characters');
  });

  it('serves the synced data on PORT and shuts down on SIGTERM with a keep-alive client connected', async () => {
    const server = await spawnUntil({ script: cli, args: ['serve'], env: { DATABASE_URL: '', PORT: '0', KLENS_DATA_DIR: dataDir, KLENS_AUTH_SECRET: secret } }, /Klens API on (http:\/\/\S+)/);
    try {
      const token = await signEmbedToken({ accountId: sim.store.account.id, secret });
      const agent = new Agent({ keepAlive: true });
      const health = await get(`${server.match[1]}/health`, token, agent);
      expect(health.status).toBe(200);
      expect(JSON.parse(health.body)).toMatchObject({ status: 'ok', database: { reachable: true }, lastSyncAt: expect.any(String) });
      const input = encodeURIComponent(JSON.stringify({ metric: 'Placed Order', interval: 'month', from: '2026-01-01', to: '2026-06-30' }));
      const series = await get(`${server.match[1]}/trpc/metrics.timeSeries?input=${input}`, token, agent);
      expect(series.status).toBe(200);
      expect(JSON.parse(series.body).result.data.points).toHaveLength(6);
    } finally {
      // The agent still holds an idle keep-alive socket: shutdown must not wait for it.
      expect(await stop(server)).toBe(0);
    }
  });
});

function get(url: string, token: string, agent: Agent): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, headers: { authorization: `Bearer ${token}` } }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}
