import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createJsonLogger, isKlensError, systemClock } from '@klens/core';
import { startDemo } from './demo.js';

// `pnpm demo`: everything on one port, data kept in .klens/demo so a second run only syncs what is new.
const appRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const env = process.env;

function setting(name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    process.stderr.write(`klens demo: ${name} must be a whole number (got ${JSON.stringify(raw)}).\n`);
    process.exit(2);
  }
  return value;
}

const port = setting('PORT', 3000);
const seed = setting('SEED', 1);
const dataDir = env.KLENS_DEMO_DATA_DIR ?? resolve(appRoot, '../../.klens/demo');
const logger = createJsonLogger({ level: 'warn', write: (line) => process.stderr.write(`${line}\n`) });

let lastPrinted = 0;
try {
  process.stderr.write(`Syncing the simulated Klaviyo account into ${dataDir} …\n`);
  const demo = await startDemo({
    port,
    seed,
    dataDir,
    webRoot: resolve(appRoot, 'dist'),
    clock: systemClock,
    logger,
    onProgress: (progress) => {
      if (Date.now() - lastPrinted < 1000) return;
      lastPrinted = Date.now();
      process.stderr.write(`  ${progress.received} events read, ${progress.added} new, through ${progress.watermark?.toISOString() ?? '…'}\n`);
    },
  });
  process.stderr.write(`Synced: ${demo.sync.eventsAdded} new events.\n`);
  process.stdout.write(`Klens demo running at ${demo.url}\n`);
  const stop = () => void demo.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  process.stderr.write(`klens demo: ${isKlensError(error) || error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
