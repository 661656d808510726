import { type Kysely, sql } from 'kysely';
import type { KlensDatabase } from '../../database/database.js';
import type { KlensTables } from '../../database/tables.js';
import type { KlaviyoClient, KlaviyoResponse } from '../../klaviyo/client.js';
import { KlaviyoCursorExpiredError } from '../../klaviyo/errors.js';
import type { Clock } from '../../time/clock.js';
import { quarantine, type Rejected, recordIdOf } from '../quarantine.js';
import { storeRawResponse } from '../raw-responses.js';
import { advanceWatermark } from '../sync-state.js';
import type { StreamReport, SyncProgress } from '../types.js';

/** What every resource stream needs. */
export interface StreamContext {
  database: KlensDatabase;
  klaviyo: KlaviyoClient;
  accountId: string;
  clock: Clock;
  /** Later syncs re-read this much before the watermark (records that changed late, out-of-order pages). */
  lookbackMs: number;
  signal?: AbortSignal;
  onProgress?: (progress: SyncProgress) => void;
}

/** Tables loaded by {@link loadPage}: keyed by (account_id, id). */
export type ResourceTable = 'profiles' | 'lists' | 'segments' | 'campaigns' | 'campaign_messages' | 'flows' | 'flow_actions' | 'flow_messages';

/** A row without the columns the loader fills in (account, raw page, load time). */
export type RowOf<T extends ResourceTable> = Omit<{ [K in keyof KlensTables[T]]: unknown }, 'account_id' | 'raw_response_id' | 'synced_at'> & { id: string };

/** How one stream turns records into rows. */
export interface ResourceLoad<T extends ResourceTable> {
  /** sync_state key and quarantine label, e.g. `campaigns:email`. */
  stream: string;
  table: T;
  toRow: (record: unknown) => { ok: true; row: RowOf<T> } | { ok: false; reason: string };
  /** The time the incremental filter compares (`updated`), for the watermark. */
  cursor?: (row: RowOf<T>) => Date | null;
}

export const emptyReport = (stream: string, watermark: Date | null = null): StreamReport => ({ stream, pages: 0, received: 0, added: 0, quarantined: 0, watermark });

/**
 * Stores one page in one transaction: the raw response, its valid records upserted (a record seen
 * twice, on one page or across pages, ends as one row holding the later copy), and the rest
 * quarantined with their reason. Returns the stored rows.
 */
export async function loadPage<T extends ResourceTable>(
  context: StreamContext,
  load: ResourceLoad<T>,
  response: KlaviyoResponse<unknown>,
  report: StreamReport,
): Promise<Array<RowOf<T>>> {
  const records = Array.isArray((response.body as { data?: unknown }).data) ? ((response.body as { data: unknown[] }).data) : [];
  const rows = new Map<string, RowOf<T>>();
  const rejected: Rejected[] = [];
  for (const record of records) {
    const result = load.toRow(record);
    if (result.ok) rows.set(result.row.id, result.row);
    else rejected.push({ recordId: recordIdOf(record), reason: result.reason, record });
  }
  const { accountId, clock } = context;
  const added = await context.database.kysely.transaction().execute(async (trx) => {
    const rawResponseId = await storeRawResponse(trx, accountId, response as KlaviyoResponse);
    await quarantine(trx, { accountId, stream: load.stream, rawResponseId, at: clock() }, rejected);
    if (rows.size === 0) return 0;
    return upsertRows(trx, load.table, [...rows.values()].map((row) => ({ ...row, account_id: accountId, raw_response_id: rawResponseId, synced_at: response.receivedAt })));
  });
  report.pages += 1;
  report.received += records.length;
  report.added += added;
  report.quarantined += rejected.length;
  return [...rows.values()];
}

/**
 * Loads every page of a listing. After each page (and `afterPage`, which loads its children) the
 * watermark moves to the latest cursor among the rows stored so far, never to a time not received.
 */
export async function loadPages<T extends ResourceTable>(
  context: StreamContext,
  load: ResourceLoad<T>,
  open: () => AsyncIterable<KlaviyoResponse<unknown>>,
  afterPage?: (rows: Array<RowOf<T>>) => Promise<void>,
  report: StreamReport = emptyReport(load.stream),
): Promise<StreamReport> {
  await eachPage(open, async (response) => {
    const rows = await loadPage(context, load, response, report);
    if (afterPage) await afterPage(rows);
    await advancePast(context, load, rows, report);
  });
  return report;
}

/**
 * Moves a stream's watermark to the latest cursor among the rows stored so far (never to a time not
 * received) and reports progress. Call it once a page and everything it leads to are stored.
 */
export async function advancePast<T extends ResourceTable>(context: StreamContext, load: ResourceLoad<T>, rows: Array<RowOf<T>>, report: StreamReport): Promise<void> {
  for (const row of rows) {
    const at = load.cursor?.(row);
    if (at && (!report.watermark || at > report.watermark)) report.watermark = at;
  }
  await advanceWatermark(context.database.kysely, context.accountId, load.stream, report.watermark, context.clock());
  context.onProgress?.({ ...report });
}

/** Times a listing is started over after Klaviyo refused its cursor, before the sync gives up. */
const CURSOR_RESTARTS = 3;

/**
 * Hands each page of a listing to `handle`. When Klaviyo refuses a cursor (it expired), the
 * listing is opened again: `open` decides where it restarts (the first page, or the watermark),
 * and pages read twice are absorbed by the upserts.
 */
export async function eachPage<B>(open: () => AsyncIterable<KlaviyoResponse<B>>, handle: (page: KlaviyoResponse<B>) => Promise<void>): Promise<void> {
  for (let restarts = 0; ; restarts++) {
    try {
      await handleInTurn(open(), handle);
      return;
    } catch (error) {
      if (!(error instanceof KlaviyoCursorExpiredError) || restarts >= CURSOR_RESTARTS) throw error;
    }
  }
}

/**
 * `for await (const page of pages) await handle(page)`, except that each page is let go before
 * the next is awaited: a suspended async function keeps its locals, dead or not, so the loop would
 * hold every page until the next one arrived.
 */
export async function handleInTurn<T>(pages: AsyncIterable<T>, handle: (page: T) => Promise<void>): Promise<void> {
  const iterator = pages[Symbol.asyncIterator]();
  for (;;) {
    let step: IteratorResult<T> | undefined = await iterator.next();
    if (step.done) return;
    const handled = handle(step.value);
    step = undefined;
    try {
      await handled;
    } catch (error) {
      // As for await does when its body throws: the listing is closed (its request on the way
      // aborted), and a failure to close does not hide the failure that matters.
      try {
        await iterator.return?.();
      } catch {
        // The handling failure below is the one to report.
      }
      throw error;
    }
  }
}

// The tables share a shape (keyed by account and id) that Kysely cannot express generically, hence
// the untyped handle here; the row types above are what keeps each caller honest.
async function upsertRows(trx: Kysely<KlensTables>, table: ResourceTable, rows: Array<Record<string, unknown>>): Promise<number> {
  const db = trx as unknown as Kysely<Record<string, Record<string, unknown>>>;
  const columns = Object.keys(rows[0]!).filter((column) => column !== 'account_id' && column !== 'id');
  const result = await db
    .insertInto(table)
    .values(rows)
    .onConflict((conflict) =>
      conflict.columns(['account_id', 'id']).doUpdateSet(Object.fromEntries(columns.map((column) => [column, sql.ref(`excluded.${column}`)]))),
    )
    // xmax = 0 only for rows this statement inserted (not updated).
    .returning(sql<boolean>`(xmax = 0)`.as('inserted'))
    .execute();
  return result.filter((row) => row.inserted).length;
}
