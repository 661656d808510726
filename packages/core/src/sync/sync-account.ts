import { KlensError } from '../errors/klens-error.js';
import { silentLogger } from '../logging/logger.js';
import { systemClock } from '../time/clock.js';
import { syncAccountRecord } from './streams/account.js';
import { syncMetricEvents } from './streams/events.js';
import { syncMetrics } from './streams/metrics.js';
import { syncResource } from './streams/resources.js';
import { createConcurrencyLimit } from '../klaviyo/request/rate-limiter.js';
import { recordSyncFinished } from './sync-state.js';
import type { StreamReport, SyncOptions, SyncReport } from './types.js';

const DAY_MS = 86_400_000;

/**
 * Pulls a Klaviyo account into the database: the account, its metrics, and the events of the
 * chosen metrics, storing every page raw next to the normalized rows. Incremental and idempotent:
 * run it again and it reads only what is new; interrupt it and the next run resumes.
 *
 * ### Examples
 * ```ts
 * const report = await syncAccount({ database, klaviyo: createKlaviyoClient({ apiKey }) });
 * console.log(`${report.eventsAdded} new events`);
 * ```
 * @throws {KlaviyoError} when Klaviyo refuses the key or keeps failing after retries.
 * @throws {KlensError} ABORTED when `signal` aborts; CONFIG_INVALID for bad options.
 */
export async function syncAccount(options: SyncOptions): Promise<SyncReport> {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? silentLogger;
  const pageSize = options.pageSize ?? 1000;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 1000) {
    throw new KlensError('CONFIG_INVALID', `pageSize must be an integer from 1 to 1000 (got ${pageSize}).`);
  }
  const wanted = options.metrics ?? ['Placed Order'];
  const startedAt = clock();
  const checkpoint = () => {
    if (options.signal?.aborted) throw new KlensError('ABORTED', 'The sync was stopped; what it loaded is kept and the next sync resumes from there.');
  };

  const account = await syncAccountRecord(options.database, options.klaviyo, options.signal);
  logger.info('sync started', { accountId: account.accountId, metrics: wanted });
  checkpoint();
  const context = { database: options.database, klaviyo: options.klaviyo, accountId: account.accountId, clock, ...(options.signal ? { signal: options.signal } : {}) };
  const { metrics, report: metricsReport } = await syncMetrics(context);
  const streams: StreamReport[] = [metricsReport];

  const missingMetrics = wanted.filter((name) => !metrics.some((metric) => metric.name === name));
  if (missingMetrics.length > 0) logger.warn('metrics not in this account', { accountId: account.accountId, missingMetrics });
  const lookbackMs = (options.lookbackHours ?? 24) * 3_600_000;
  const progress = options.onProgress ? { onProgress: options.onProgress } : {};
  for (const resource of options.resources ?? []) {
    checkpoint();
    const reports = await syncResource({ ...context, lookbackMs, ...progress }, resource);
    logger.info('resource synced', { accountId: account.accountId, resource, streams: reports });
    streams.push(...reports);
  }

  const backfillFrom = options.backfillFrom ?? new Date(startedAt.getTime() - (options.backfillDays ?? 400) * DAY_MS);
  // Slices fetch in parallel but write one page at a time: a stop between pages is then exact.
  const writeLock = createConcurrencyLimit(1);
  for (const metric of metrics.filter((candidate) => wanted.includes(candidate.name))) {
    checkpoint();
    const report = await syncMetricEvents(
      { ...context, backfillFrom, lookbackMs, pageSize, backfillSlices: options.backfillSlices ?? 4, writeLock, ...progress },
      metric.id,
    );
    logger.info('events synced', { accountId: account.accountId, metric: metric.name, ...report });
    streams.push(report);
  }

  const finishedAt = clock();
  const eventsAdded = streams.filter((stream) => stream.stream.startsWith('events:')).reduce((sum, stream) => sum + stream.added, 0);
  const quarantined = streams.reduce((sum, stream) => sum + stream.quarantined, 0);
  await recordSyncFinished(options.database.kysely, account.accountId, finishedAt, { eventsAdded, quarantined, missingMetrics, startedAt });
  return { accountId: account.accountId, startedAt, finishedAt, streams, eventsAdded, quarantined, missingMetrics };
}
