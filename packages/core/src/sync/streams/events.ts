import type { KlensDatabase } from '../../database/database.js';
import type { KlaviyoClient } from '../../klaviyo/client.js';
import { klaviyoFilter } from '../../klaviyo/filter.js';
import type { Clock } from '../../time/clock.js';
import { quarantine, type Rejected } from '../quarantine.js';
import { storeRawResponse } from '../raw-responses.js';
import { advanceWatermark, readWatermark } from '../sync-state.js';
import { type EventRow, transformEvent } from '../transform/event-record.js';
import type { StreamReport, SyncProgress } from '../types.js';

export interface EventsStreamContext {
  database: KlensDatabase;
  klaviyo: KlaviyoClient;
  accountId: string;
  clock: Clock;
  backfillFrom: Date;
  lookbackMs: number;
  pageSize: number;
  signal?: AbortSignal;
  onProgress?: (progress: SyncProgress) => void;
}

/** The sync_state key of one metric's events. */
export const eventsStream = (metricId: string) => `events:${metricId}`;

/**
 * Loads one metric's events incrementally, oldest first. Each page is one transaction (raw page,
 * new rows, quarantined records, watermark), so an interrupted sync resumes after the last page
 * it stored, and re-reading a page adds nothing.
 *
 * The window ends at the clock's "now": Klaviyo accepts events dated in the future, and a cursor
 * that followed them would skip everything that arrives in between.
 */
export async function syncMetricEvents(context: EventsStreamContext, metricId: string): Promise<StreamReport> {
  const { database, klaviyo, accountId, clock } = context;
  const stream = eventsStream(metricId);
  const previous = await readWatermark(database.kysely, accountId, stream);
  const start = previous ? new Date(previous.getTime() - context.lookbackMs) : context.backfillFrom;
  const end = clock();
  const report: StreamReport = { stream, pages: 0, received: 0, added: 0, quarantined: 0, watermark: previous };
  if (start >= end) return report;

  const query = {
    filter: klaviyoFilter.and(
      klaviyoFilter.equals('metric_id', metricId),
      klaviyoFilter.greaterOrEqual('datetime', start),
      klaviyoFilter.lessThan('datetime', end),
    ),
    sort: 'datetime',
    'page[size]': context.pageSize,
  };
  for await (const response of klaviyo.pages('/api/events', query, context.signal)) {
    const records = Array.isArray(response.body.data) ? response.body.data : [];
    const rows: EventRow[] = [];
    const rejected: Rejected[] = [];
    for (const record of records) {
      const result = transformEvent(record, metricId);
      if (result.ok) rows.push(result.row);
      else rejected.push(result.rejected);
    }
    const pageWatermark = latest(rows);
    const added = await database.kysely.transaction().execute(async (trx) => {
      const rawResponseId = await storeRawResponse(trx, accountId, response);
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
      await quarantine(trx, { accountId, stream, rawResponseId, at: clock() }, rejected);
      await advanceWatermark(trx, accountId, stream, pageWatermark, clock());
      return inserted;
    });
    report.pages += 1;
    report.received += records.length;
    report.added += added;
    report.quarantined += rejected.length;
    if (pageWatermark && (!report.watermark || pageWatermark > report.watermark)) report.watermark = pageWatermark;
    context.onProgress?.({ ...report });
  }
  return report;
}

function latest(rows: readonly EventRow[]): Date | null {
  let max: Date | null = null;
  for (const row of rows) if (!max || row.datetime > max) max = row.datetime;
  return max;
}
