import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { KlensDatabase } from '../database.js';
import type { KlensTables } from '../tables.js';

/**
 * Opens a `pg` pool on a PostgreSQL server. The pool connects lazily; the first query (usually the
 * migration) reports an unreachable server.
 */
export function openPostgres(options: {
  connectionString: string;
  /** Schema(s) to use instead of `public`; sets `search_path` on every connection. */
  searchPath?: string;
  /** Pool size. Default 10. */
  maxConnections?: number;
}): KlensDatabase {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
    ...(options.searchPath ? { options: `-c search_path=${options.searchPath}` } : {}),
  });
  // An idle client that loses its server emits 'error' on the pool; without a listener that would
  // crash the process. The next query gets a fresh connection and its own error.
  pool.on('error', () => {});
  const kysely = new Kysely<KlensTables>({ dialect: new PostgresDialect({ pool }) });
  return { engine: 'postgres', kysely, close: () => kysely.destroy() };
}
