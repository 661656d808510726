import { sql } from 'kysely';
import type { KlensDatabase } from '../database/database.js';
import { WHOLE_SYNC_STREAM } from '../sync/sync-state.js';

export interface DatabaseHealth {
  reachable: boolean;
  /** Round trip of a trivial query, in milliseconds. */
  latencyMs: number | null;
  /** Why the database is not reachable; no connection details or SQL. */
  problem?: string;
}

/** Runs a trivial query to tell whether the database answers, and how fast. */
export async function checkDatabase(database: KlensDatabase): Promise<DatabaseHealth> {
  const started = performance.now();
  try {
    await sql`select 1`.execute(database.kysely);
    return { reachable: true, latencyMs: Math.round((performance.now() - started) * 10) / 10 };
  } catch (error) {
    const code = (error as { code?: string }).code;
    return { reachable: false, latencyMs: null, problem: code ? `database error ${code}` : 'database did not answer' };
  }
}

/** When the account's last complete sync finished, or null if it never did. */
export async function lastSyncAt(database: KlensDatabase, accountId: string): Promise<Date | null> {
  const row = await database.kysely
    .selectFrom('sync_state')
    .select('last_synced_at')
    .where('account_id', '=', accountId)
    .where('stream', '=', WHOLE_SYNC_STREAM)
    .executeTakeFirst();
  return row?.last_synced_at ? new Date(row.last_synced_at) : null;
}
