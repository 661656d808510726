import type { KlensDatabase } from '../../database/database.js';
import { KlensError } from '../../errors/klens-error.js';
import type { KlaviyoClient, KlaviyoResponse } from '../../klaviyo/client.js';
import { klaviyoFilter } from '../../klaviyo/filter.js';
import { createConcurrencyLimit } from '../../klaviyo/request/rate-limiter.js';
import type { Clock } from '../../time/clock.js';
import { quarantine, type Rejected } from '../quarantine.js';
import { storeRawResponse } from '../raw-responses.js';
import { advanceWatermark, readStreamStates, readWatermark, saveStreamDetails } from '../sync-state.js';
import { attributionRows } from '../transform/event-attributions.js';
import { type EventRow, transformEvent } from '../transform/event-record.js';
import type { StreamReport, SyncProgress } from '../types.js';
import { type EventSlice, planSlices } from './event-slices.js';
import { eachPage } from './resource-loader.js';

export interface EventsStreamContext {
  database: KlensDatabase;
  klaviyo: KlaviyoClient;
  accountId: string;
  clock: Clock;
  backfillFrom: Date;
  lookbackMs: number;
  pageSize: number;
  /** Slices the first (backfill) sync of a metric is split into. Default 1. */
  backfillSlices?: number;
  /** Slices read at once. Default: all of them. */
  sliceConcurrency?: number;
  /** Serializes page writes across slices (and streams) of one sync. */
  writeLock?: <T>(task: () => Promise<T>) => Promise<T>;
  signal?: AbortSignal;
  onProgress?: (progress: SyncProgress) => void;
}

/** The sync_state key of one metric's events. */
export const eventsStream = (metricId: string) => `events:${metricId}`;

/**
 * Loads one metric's events. The first sync backfills [backfillFrom, now) in slices that run in
 * parallel, each with its own watermark in sync_state; later syncs read on from the metric's
 * watermark less the lookback. Each page is one transaction (raw page, new rows, attributions,
 * quarantined records, watermark), and a watermark only ever moves to the latest datetime stored,
 * so an interrupted sync resumes where each slice stopped and re-reading adds nothing.
 *
 * The window ends at the clock's "now": Klaviyo accepts events dated in the future, and a cursor
 * that followed them would skip everything that arrives in between.
 */
export async function syncMetricEvents(context: EventsStreamContext, metricId: string): Promise<StreamReport> {
  const { database, accountId, clock } = context;
  const stream = eventsStream(metricId);
  const previous = await readWatermark(database.kysely, accountId, stream);
  const report: StreamReport = { stream, pages: 0, received: 0, added: 0, quarantined: 0, watermark: previous };
  const end = clock();
  let slices = await readStreamStates(database.kysely, accountId, `${stream}@`);
  if (!previous && slices.length === 0) {
    for (const slice of planSlices(stream, context.backfillFrom, end, context.backfillSlices ?? 1)) {
      await saveStreamDetails(database.kysely, accountId, slice.stream, { from: slice.from, to: slice.to, done: false }, end);
    }
    slices = await readStreamStates(database.kysely, accountId, `${stream}@`);
  }
  const pending = slices.filter((slice) => slice.details.done !== true);
  if (pending.length > 0) {
    await runSlices(context, metricId, report, pending.map((slice) => ({ stream: slice.stream, from: new Date(String(slice.details.from)), to: new Date(String(slice.details.to)), watermark: slice.watermark })));
    // The metric's watermark is the latest event any slice stored: never a time nothing was read at.
    const stored = (await readStreamStates(database.kysely, accountId, `${stream}@`)).map((slice) => slice.watermark).filter((at): at is Date => at !== null);
    const latest = stored.length > 0 ? new Date(Math.max(...stored.map((at) => at.getTime()))) : null;
    await advanceWatermark(database.kysely, accountId, stream, latest, clock());
    report.watermark = await readWatermark(database.kysely, accountId, stream);
    return report;
  }
  const start = previous ? new Date(previous.getTime() - context.lookbackMs) : context.backfillFrom;
  if (start >= end) return report;
  await readRange(context, metricId, report, { stream, from: start, to: end }, null);
  return report;
}

async function runSlices(context: EventsStreamContext, metricId: string, report: StreamReport, slices: Array<EventSlice & { watermark: Date | null }>): Promise<void> {
  // One failing slice stops the others at their next page, and the sync reports that first failure.
  const stop = new AbortController();
  const signal = context.signal ? AbortSignal.any([context.signal, stop.signal]) : stop.signal;
  const limit = createConcurrencyLimit(context.sliceConcurrency ?? slices.length);
  const results = await Promise.allSettled(
    slices.map((slice) =>
      limit(async () => {
        try {
          await readRange({ ...context, signal }, metricId, report, slice, slice.watermark);
          await saveStreamDetails(context.database.kysely, context.accountId, slice.stream, { from: slice.from, to: slice.to, done: true }, context.clock());
        } catch (error) {
          stop.abort(error);
          throw error;
        }
      }),
    ),
  );
  const failures = results.flatMap((result) => (result.status === 'rejected' ? [result.reason as unknown] : []));
  if (failures.length > 0) throw failures.find((error) => !(error instanceof KlensError && error.code === 'ABORTED')) ?? failures[0];
}

/** Reads [from, to) of one metric oldest first, resuming at `resumeAt` (the last datetime stored). */
async function readRange(context: EventsStreamContext, metricId: string, report: StreamReport, range: EventSlice, resumeAt: Date | null): Promise<void> {
  let stored = resumeAt;
  if ((stored && stored > range.from ? stored : range.from) >= range.to) return;
  // Opened again after an expired cursor: from the last datetime stored, which is read once more.
  const open = () => {
    const from = stored && stored > range.from ? stored : range.from;
    return context.klaviyo.list('/api/events', {
      query: {
        filter: klaviyoFilter.and(klaviyoFilter.equals('metric_id', metricId), klaviyoFilter.greaterOrEqual('datetime', from), klaviyoFilter.lessThan('datetime', range.to)),
        sort: 'datetime',
        include: ['attributions'],
        'page[size]': context.pageSize,
      },
      ...(context.signal ? { signal: context.signal } : {}),
    });
  };
  const lock = context.writeLock ?? (<T>(task: () => Promise<T>) => task());
  await eachPage(open, (response) =>
    lock(async () => {
      if (context.signal?.aborted) throw aborted(context.signal.reason);
      const latest = await storeEventsPage(context, metricId, range.stream, response, report);
      if (latest && (!stored || latest > stored)) stored = latest;
      context.onProgress?.({ ...report });
    }),
  );
}

/** Stores one page in one transaction; returns the latest datetime it stored. */
async function storeEventsPage(context: EventsStreamContext, metricId: string, stream: string, response: KlaviyoResponse<unknown>, report: StreamReport): Promise<Date | null> {
  const { accountId, clock } = context;
  const body = response.body as { data?: unknown; included?: unknown[] };
  const records = Array.isArray(body.data) ? body.data : [];
  const rows: EventRow[] = [];
  const rejected: Rejected[] = [];
  for (const record of records) {
    const result = transformEvent(record, metricId);
    if (result.ok) rows.push(result.row);
    else rejected.push(result.rejected);
  }
  const attributions = attributionRows(records, body.included, new Set(rows.map((row) => row.id)));
  const pageWatermark = latest(rows);
  const added = await context.database.kysely.transaction().execute(async (trx) => {
    const rawResponseId = await storeRawResponse(trx, accountId, response as KlaviyoResponse);
    let inserted = 0;
    if (rows.length > 0) {
      const result = await trx
        .insertInto('events')
        .values(rows.map((row) => ({ ...row, account_id: accountId, raw_response_id: rawResponseId })))
        .onConflict((conflict) => conflict.columns(['account_id', 'id']).doNothing())
        .returning('id')
        .execute();
      inserted = result.length;
    }
    if (attributions.length > 0) {
      await trx
        .insertInto('event_attributions')
        .values(attributions.map((row) => ({ ...row, account_id: accountId, raw_response_id: rawResponseId, synced_at: response.receivedAt })))
        .onConflict((conflict) => conflict.columns(['account_id', 'event_id', 'id']).doNothing())
        .execute();
    }
    await quarantine(trx, { accountId, stream: eventsStreamOf(stream), rawResponseId, at: clock() }, rejected);
    await advanceWatermark(trx, accountId, stream, pageWatermark, clock());
    return inserted;
  });
  report.pages += 1;
  report.received += records.length;
  report.added += added;
  report.quarantined += rejected.length;
  if (pageWatermark && (!report.watermark || pageWatermark > report.watermark)) report.watermark = pageWatermark;
  return pageWatermark;
}

/** Quarantined records name the metric's stream, not the slice they came from. */
const eventsStreamOf = (stream: string) => stream.split('@')[0]!;

function aborted(cause: unknown): KlensError {
  return new KlensError('ABORTED', 'The sync was stopped; what it loaded is kept and the next sync resumes from there.', { cause });
}

function latest(rows: readonly EventRow[]): Date | null {
  let max: Date | null = null;
  for (const row of rows) if (!max || row.datetime > max) max = row.datetime;
  return max;
}
