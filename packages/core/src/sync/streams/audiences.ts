import { klaviyoFilter } from '../../klaviyo/filter.js';
import { readWatermark } from '../sync-state.js';
import { listRow, profileRow, segmentRow } from '../transform/resource-rows.js';
import type { StreamReport } from '../types.js';
import { sweepDeleted } from './deletions.js';
import { emptyReport, loadPages, type StreamContext } from './resource-loader.js';

const updated = (row: { updated: unknown }) => (row.updated instanceof Date ? row.updated : null);

/** Where an `updated` stream restarts: the watermark less the lookback, or everything on the first run. */
export async function updatedSince(context: StreamContext, stream: string): Promise<{ since: Date | null; previous: Date | null }> {
  const previous = await readWatermark(context.database.kysely, context.accountId, stream);
  return { previous, since: previous ? new Date(previous.getTime() - context.lookbackMs) : null };
}

/**
 * Profiles changed since the last sync (`greater-than(updated,…)`, the only lower bound the endpoint
 * accepts), oldest change first, 100 a page.
 */
export async function syncProfiles(context: StreamContext): Promise<StreamReport> {
  const { since, previous } = await updatedSince(context, 'profiles');
  const pages = () => context.klaviyo.list('/api/profiles', {
    query: { sort: 'updated', 'page[size]': 100, ...(since ? { filter: klaviyoFilter.greaterThan('updated', since) } : {}) },
    ...(context.signal ? { signal: context.signal } : {}),
  });
  return loadPages(context, { stream: 'profiles', table: 'profiles', toRow: profileRow, cursor: updated }, pages, undefined, emptyReport('profiles', previous));
}

/** Lists changed since the last sync, 10 a page (the endpoint's most); then the deleted ones (`lists:ids`). */
export async function syncLists(context: StreamContext): Promise<StreamReport[]> {
  const { since, previous } = await updatedSince(context, 'lists');
  const pages = () => context.klaviyo.list('/api/lists', {
    query: { sort: 'updated', 'page[size]': 10, ...(since ? { filter: klaviyoFilter.greaterThan('updated', since) } : {}) },
    ...(context.signal ? { signal: context.signal } : {}),
  });
  const lists = await loadPages(context, { stream: 'lists', table: 'lists', toRow: listRow, cursor: updated }, pages, undefined, emptyReport('lists', previous));
  return [lists, await sweepDeletedAudiences(context, '/api/lists', 'lists')];
}

/** Segments changed since the last sync, 10 a page; then the deleted ones (`segments:ids`). */
export async function syncSegments(context: StreamContext): Promise<StreamReport[]> {
  const { since, previous } = await updatedSince(context, 'segments');
  const pages = () => context.klaviyo.list('/api/segments', {
    query: { sort: 'updated', 'page[size]': 10, ...(since ? { filter: klaviyoFilter.greaterThan('updated', since) } : {}) },
    ...(context.signal ? { signal: context.signal } : {}),
  });
  const segments = await loadPages(context, { stream: 'segments', table: 'segments', toRow: segmentRow, cursor: updated }, pages, undefined, emptyReport('segments', previous));
  return [segments, await sweepDeletedAudiences(context, '/api/segments', 'segments')];
}

/** Every list's or segment's id, names only (a few pages of 10), and the stored ones they lack marked deleted. */
async function sweepDeletedAudiences(context: StreamContext, path: '/api/lists' | '/api/segments', table: 'lists' | 'segments'): Promise<StreamReport> {
  const signal = context.signal ? { signal: context.signal } : {};
  const listing = () =>
    path === '/api/lists'
      ? context.klaviyo.list(path, { query: { 'fields[list]': ['name'], 'page[size]': 10 }, ...signal })
      : // The spec requires these three on every segment, sparse fieldsets or not: asked for, the answer stays valid.
        context.klaviyo.list(path, { query: { 'fields[segment]': ['name', 'is_active', 'is_processing', 'is_starred'], 'page[size]': 10 }, ...signal });
  return (await sweepDeleted(context, table, [listing])).report;
}
