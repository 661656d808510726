import { createJsonLogger, createKlaviyoClient, openDatabase, RESOURCE_STREAMS, syncAccount } from '@klens/core';
import { requireKlaviyoKey, type ServerEnv } from '../env.js';
import { describeProgress, progressPrinter } from './progress-printer.js';

/** `sync`: pulls the Klaviyo account into the database once. Ctrl-C stops after the current page. */
export async function syncCommand(env: ServerEnv): Promise<void> {
  const apiKey = requireKlaviyoKey(env);
  // The progress lines already say what info records would; keep the log for warnings and errors.
  const logger = createJsonLogger({ level: env.logLevel === 'info' ? 'warn' : env.logLevel, write: (line) => process.stderr.write(`${line}\n`) });
  const database = await openDatabase(env.database);
  const controller = new AbortController();
  const abort = () => controller.abort();
  process.once('SIGINT', abort);
  process.once('SIGTERM', abort);
  try {
    const klaviyo = createKlaviyoClient({ apiKey, ...(env.klaviyoBaseUrl ? { baseUrl: env.klaviyoBaseUrl } : {}), logger });
    const report = await syncAccount({
      database,
      klaviyo,
      logger,
      signal: controller.signal,
      // Profiles, lists, segments, campaigns and flows: what cohorts and attribution read.
      resources: RESOURCE_STREAMS,
      ...(env.syncMetrics ? { metrics: env.syncMetrics } : {}),
      ...(env.backfillDays ? { backfillDays: env.backfillDays } : {}),
      onProgress: progressPrinter((line) => process.stderr.write(`${line}\n`)),
    });
    for (const stream of report.streams) process.stderr.write(`${describeProgress(stream)}\n`);
    if (report.missingMetrics.length) process.stderr.write(`not in this account: ${report.missingMetrics.join(', ')}\n`);
    process.stdout.write(`Synced account ${report.accountId}: ${report.eventsAdded} new events, ${report.quarantined} quarantined.\n`);
  } finally {
    process.off('SIGINT', abort);
    process.off('SIGTERM', abort);
    await database.close();
  }
}
