import { sql } from 'kysely';
import type { KlaviyoResponse } from '../../klaviyo/client.js';
import { recordIdOf } from '../quarantine.js';
import type { StreamReport } from '../types.js';
import { eachPage, emptyReport, type StreamContext } from './resource-loader.js';

/** Tables whose rows are marked when Klaviyo no longer has the record (migration 0004). */
export type DeletableTable = 'lists' | 'segments' | 'campaigns' | 'campaign_messages' | 'flows' | 'flow_actions' | 'flow_messages';

/** The rows a complete listing covers: all of the account's, or those under one parent. */
export type ListingScope = { table: DeletableTable } | { table: DeletableTable; parent: { column: 'campaign_id' | 'flow_id' | 'flow_action_id'; id: string } };

/** The ids a listing returned. */
export interface ListedIds {
  ids: Set<string>;
  /** A record without an id: the listing no longer proves what is absent. */
  incomplete: boolean;
}

/** What a listing has seen before its first page. */
export const noIds = (): ListedIds => ({ ids: new Set(), incomplete: false });

// Ids per statement: far below PostgreSQL's 65 535 parameters.
const CHUNK = 1000;

/**
 * Reads every page of listings and collects the ids they hold. A refused cursor restarts a listing
 * (ids seen twice are one); any other failure throws before anything is marked, so only a complete
 * listing ever marks a row deleted. Progress is reported after each page (a large account has
 * thousands of campaigns, read whole). These pages are not stored raw: they load no row that would
 * point back to them, and kept on every sync they would repeat the whole catalogue each time.
 */
export async function listIds(context: StreamContext, listings: ReadonlyArray<() => AsyncIterable<KlaviyoResponse<unknown>>>, report: StreamReport): Promise<ListedIds> {
  const listed = noIds();
  for (const open of listings) {
    await eachPage(open, async (page) => {
      noteIds(listed, page);
      report.pages += 1;
      context.onProgress?.({ ...report, received: report.received + listed.ids.size });
    });
  }
  report.received += listed.ids.size;
  return listed;
}

/**
 * Lists every id of a resource (the `<table>:ids` stream) and marks the stored rows of `table` it
 * lacks deleted. Returns the report and the ids marked, so that their children can be marked too.
 */
export async function sweepDeleted(
  context: StreamContext,
  table: 'lists' | 'segments' | 'campaigns' | 'flows',
  listings: ReadonlyArray<() => AsyncIterable<KlaviyoResponse<unknown>>>,
): Promise<{ report: StreamReport; gone: string[] }> {
  const report = emptyReport(`${table}:ids`);
  const listed = await listIds(context, listings, report);
  return { report, gone: await markDeleted(context, { table }, listed, report) };
}

/** Adds a page's record ids to what a listing saw. */
export function noteIds(listed: ListedIds, page: KlaviyoResponse<unknown>): void {
  const data = (page.body as { data?: unknown }).data;
  for (const record of Array.isArray(data) ? data : []) {
    const id = recordIdOf(record);
    if (id === null) listed.incomplete = true;
    else listed.ids.add(id);
  }
}

/**
 * Sets `deleted_at` on the stored rows in `scope` that a complete listing did not return, and
 * returns their ids; rows marked earlier that the listing does return are unmarked (restored in
 * Klaviyo, or marked by a listing that was wrong). Rows already marked keep their first
 * `deleted_at`. Nothing is marked when the listing had a record without an id: that record might
 * be any of them.
 */
export async function markDeleted(context: StreamContext, scope: ListingScope, listed: ListedIds, report: StreamReport): Promise<string[]> {
  let query = context.database.kysely.selectFrom(scope.table).select(['id', 'deleted_at']).where('account_id', '=', context.accountId);
  if ('parent' in scope) query = query.where(sql.ref(scope.parent.column), '=', scope.parent.id);
  const stored = await query.execute();
  const back = stored.filter((row) => row.deleted_at !== null && listed.ids.has(row.id)).map((row) => row.id);
  await setDeletedAt(context, scope.table, 'id', back, null);
  if (listed.incomplete) return [];
  const gone = stored.filter((row) => row.deleted_at === null && !listed.ids.has(row.id)).map((row) => row.id);
  await setDeletedAt(context, scope.table, 'id', gone, context.clock());
  report.deleted = (report.deleted ?? 0) + gone.length;
  return gone;
}

/**
 * Marks the rows under deleted parents: a deleted flow's actions and messages, a deleted action's
 * messages, a deleted campaign's messages. Klaviyo deletes them with their parent. They are counted
 * on `report` when the children have a stream of their own (campaign messages are per channel).
 */
export async function markChildrenDeleted(
  context: StreamContext,
  table: Exclude<DeletableTable, 'campaigns' | 'flows'>,
  parentColumn: 'campaign_id' | 'flow_id' | 'flow_action_id',
  parentIds: readonly string[],
  report?: StreamReport,
): Promise<void> {
  const marked = await setDeletedAt(context, table, parentColumn, parentIds, context.clock());
  if (report) report.deleted = (report.deleted ?? 0) + marked;
}

/** Marks (`at`) or unmarks (null) the rows whose `column` is one of `values`; returns how many changed. */
async function setDeletedAt(context: StreamContext, table: DeletableTable, column: 'id' | 'campaign_id' | 'flow_id' | 'flow_action_id', values: readonly string[], at: Date | null): Promise<number> {
  let changed = 0;
  for (let start = 0; start < values.length; start += CHUNK) {
    const result = await context.database.kysely
      .updateTable(table)
      .set({ deleted_at: at })
      .where('account_id', '=', context.accountId)
      .where(sql.ref(column), 'in', values.slice(start, start + CHUNK))
      .where('deleted_at', at === null ? 'is not' : 'is', null)
      .executeTakeFirst();
    changed += Number(result.numUpdatedRows);
  }
  return changed;
}
