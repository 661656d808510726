import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createJsonLogger, isKlensError, systemClock } from '@klens/core';
import { type RunningDemo, startDemo } from './demo.js';

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

// Signals are handled from the first moment: during the start-up sync they stop it after the current
// page (the next run resumes), afterwards they shut the servers down.
const stopping = new AbortController();
let running: RunningDemo | undefined;
const shutDown = () => {
  stopping.abort();
  if (running) void running.close().then(() => process.exit(0));
};
process.once('SIGINT', shutDown);
process.once('SIGTERM', shutDown);

let lastPrinted = 0;
try {
  process.stderr.write(`Syncing the simulated Klaviyo account into ${dataDir} …\n`);
  running = await startDemo({
    port,
    seed,
    dataDir,
    webRoot: resolve(appRoot, 'dist'),
    clock: systemClock,
    logger,
    signal: stopping.signal,
    onProgress: (progress) => {
      if (Date.now() - lastPrinted < 1000) return;
      lastPrinted = Date.now();
      process.stderr.write(`  ${progress.received} events read, ${progress.added} new, through ${progress.watermark?.toISOString() ?? '…'}\n`);
    },
  });
  process.stderr.write(`Synced: ${running.sync.eventsAdded} new events.\n`);
  process.stdout.write(`Klens demo running at ${running.url}\n`);
} catch (error) {
  if (isKlensError(error, 'ABORTED')) {
    process.stderr.write('klens demo: stopped during the sync; what it loaded is kept and the next run resumes.\n');
    process.exit(130);
  }
  process.stderr.write(`klens demo: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
