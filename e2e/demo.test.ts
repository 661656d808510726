import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumLaunchOptions } from '../vitest.shared.js';
import { type Spawned, spawnUntil, stop } from './spawn-until.js';

const appRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../apps/demo');
const startScript = join(appRoot, 'dist-server/start.js');
const ready = /Klens demo running at (http:\/\/\S+)/;

describe('pnpm demo', () => {
  let dataDir: string;
  let browser: Browser;
  let first: Spawned & { match: RegExpMatchArray };

  beforeAll(async () => {
    if (!existsSync(startScript) || !existsSync(join(appRoot, 'dist/index.html'))) {
      throw new Error('The demo is not built: run `pnpm build` (pnpm test does) before this suite.');
    }
    dataDir = await mkdtemp(join(tmpdir(), 'klens-demo-'));
    browser = await chromium.launch(chromiumLaunchOptions);
    first = await spawnUntil({ script: startScript, env: { PORT: '0', KLENS_DEMO_DATA_DIR: dataDir } }, ready);
  });
  afterAll(async () => {
    if (first && first.child.exitCode === null) first.child.kill('SIGKILL');
    await browser?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('prints one line with the URL', () => {
    expect(first.stdout().trim().split('\n')).toEqual([`Klens demo running at ${first.match[1]}`]);
  });

  it('shows a year of daily revenue, drawn with at least 365 points', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const problems: string[] = [];
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(first.match[1]!);

    const line = page.getByTestId('revenue-chart-line');
    await line.waitFor({ timeout: 30_000 });
    const drawn = ((await line.getAttribute('d')) ?? '').match(/[ML]/g)?.length ?? 0;
    expect(drawn).toBeGreaterThanOrEqual(365);
    expect(await page.getByTestId('revenue-chart-table').locator('tbody tr').count()).toBe(drawn);
    await expect.poll(() => page.locator('.tile-value').first().textContent()).toMatch(/^\$[\d,]+$/);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('stops cleanly on SIGTERM, and a second run reuses the data, syncing only what is new', async () => {
    expect(await stop(first)).toBe(0);
    const added = (output: string) => Number(/Synced: (\d+) new events/.exec(output)?.[1]);
    expect(added(first.stderr())).toBeGreaterThan(40_000);

    const second = await spawnUntil({ script: startScript, env: { PORT: '0', KLENS_DEMO_DATA_DIR: dataDir } }, ready);
    try {
      // Only orders placed (in simulated time) since the first run started can be new.
      expect(added(second.stderr())).toBeLessThan(200);
    } finally {
      expect(await stop(second)).toBe(0);
    }
  });

  it('stops during its first sync on SIGTERM, keeping what it loaded, and the next run finishes the rest', async () => {
    const interruptedDir = await mkdtemp(join(tmpdir(), 'klens-demo-interrupted-'));
    try {
      const env = { PORT: '0', KLENS_DEMO_DATA_DIR: interruptedDir };
      const syncing = await spawnUntil({ script: startScript, env }, /(\d+) events read, \1 new/, { stream: 'stderr' });
      expect(await stop(syncing)).toBe(130);
      expect(syncing.stderr()).toContain('stopped during the sync; what it loaded is kept and the next run resumes');
      expect(syncing.stdout()).toBe('');

      const resumed = await spawnUntil({ script: startScript, env }, ready);
      try {
        const added = Number(/Synced: (\d+) new events/.exec(resumed.stderr())?.[1]);
        const firstRunTotal = Number(/Synced: (\d+) new events/.exec(first.stderr())?.[1]);
        // Pages stored before the signal are kept (core's sync suite checks the exact counts); the rest arrive now.
        expect(added).toBeGreaterThan(0);
        expect(added).toBeLessThanOrEqual(firstRunTotal - Number(syncing.match[1]) + 200);
      } finally {
        expect(await stop(resumed)).toBe(0);
      }
    } finally {
      await rm(interruptedDir, { recursive: true, force: true });
    }
  });
});
