import { type Kysely, sql } from 'kysely';
import type { KlensTables } from '../database/tables.js';
import { toJsonb } from './jsonb.js';

/** The stream key under which a finished sync as a whole is recorded. */
export const WHOLE_SYNC_STREAM = 'sync';

/** Where an events stream stopped last time, or null when it never ran. */
export async function readWatermark(db: Kysely<KlensTables>, accountId: string, stream: string): Promise<Date | null> {
  const row = await db
    .selectFrom('sync_state')
    .select('watermark')
    .where('account_id', '=', accountId)
    .where('stream', '=', stream)
    .executeTakeFirst();
  return row?.watermark ? new Date(row.watermark) : null;
}

/** Moves a stream's watermark forward (never back) and stamps when it last ran. */
export async function advanceWatermark(
  db: Kysely<KlensTables>,
  accountId: string,
  stream: string,
  watermark: Date | null,
  at: Date,
): Promise<void> {
  await db
    .insertInto('sync_state')
    .values({ account_id: accountId, stream, watermark, last_synced_at: at, details: toJsonb({}) })
    .onConflict((conflict) =>
      conflict.columns(['account_id', 'stream']).doUpdateSet({
        watermark: sql`greatest(sync_state.watermark, excluded.watermark)`,
        last_synced_at: sql`excluded.last_synced_at`,
      }),
    )
    .execute();
}

/** Records that a whole sync finished, with its summary. */
export async function recordSyncFinished(db: Kysely<KlensTables>, accountId: string, at: Date, summary: object): Promise<void> {
  await db
    .insertInto('sync_state')
    .values({ account_id: accountId, stream: WHOLE_SYNC_STREAM, watermark: null, last_synced_at: at, details: toJsonb(summary) })
    .onConflict((conflict) =>
      conflict.columns(['account_id', 'stream']).doUpdateSet({
        last_synced_at: sql`excluded.last_synced_at`,
        details: sql`excluded.details`,
      }),
    )
    .execute();
}

/** One stream's stored state. */
export interface StreamState {
  stream: string;
  watermark: Date | null;
  details: Record<string, unknown>;
}

/** Every stream state whose key starts with `prefix` (the slices of an events backfill). */
export async function readStreamStates(db: Kysely<KlensTables>, accountId: string, prefix: string): Promise<StreamState[]> {
  const rows = await db
    .selectFrom('sync_state')
    .select(['stream', 'watermark', 'details'])
    .where('account_id', '=', accountId)
    .where('stream', 'like', `${prefix.replace(/[\\%_]/g, '\\$&')}%`)
    .orderBy('stream')
    .execute();
  return rows.map((row) => ({
    stream: row.stream,
    watermark: row.watermark ? new Date(row.watermark) : null,
    details: (typeof row.details === 'string' ? JSON.parse(row.details) : row.details) as Record<string, unknown>,
  }));
}

/** Creates or replaces a stream's details (its watermark still only moves forward). */
export async function saveStreamDetails(db: Kysely<KlensTables>, accountId: string, stream: string, details: object, at: Date): Promise<void> {
  await db
    .insertInto('sync_state')
    .values({ account_id: accountId, stream, watermark: null, last_synced_at: at, details: toJsonb(details) })
    .onConflict((conflict) =>
      conflict.columns(['account_id', 'stream']).doUpdateSet({ details: sql`excluded.details`, last_synced_at: sql`excluded.last_synced_at` }),
    )
    .execute();
}
