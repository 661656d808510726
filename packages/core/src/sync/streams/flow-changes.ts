import { recordIdOf } from '../quarantine.js';
import type { StreamContext } from './resource-loader.js';

/**
 * Ids of the records on a page that are not stored yet, or whose `updated` differs from the stored
 * copy (a record without a readable `updated` counts as changed). Records without an id are left
 * out: they have no children to read.
 */
export async function changedRecordIds(context: StreamContext, table: 'flows' | 'flow_actions', records: readonly unknown[]): Promise<string[]> {
  const received = new Map<string, number>();
  for (const record of records) {
    const id = recordIdOf(record);
    if (id !== null) received.set(id, updatedOf(record));
  }
  if (received.size === 0) return [];
  const stored = await context.database.kysely
    .selectFrom(table)
    .select(['id', 'updated'])
    .where('account_id', '=', context.accountId)
    .where('id', 'in', [...received.keys()])
    .execute();
  const storedUpdated = new Map(stored.map((row) => [row.id, row.updated === null ? Number.NaN : new Date(row.updated).getTime()]));
  return [...received].filter(([id, updated]) => Number.isNaN(updated) || storedUpdated.get(id) !== updated).map(([id]) => id);
}

/** The record's `updated` in epoch ms, NaN when it has none: what {@link changedRecordIds} compares. */
function updatedOf(record: unknown): number {
  const updated = (record as { attributes?: { updated?: unknown } } | null)?.attributes?.updated;
  return typeof updated === 'string' ? Date.parse(updated) : Number.NaN;
}
