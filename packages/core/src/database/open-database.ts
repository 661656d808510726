import type { DatabaseConfig } from './config.js';
import type { KlensDatabase } from './database.js';
import { migrateToLatest } from './migrate.js';
import { openPglite } from './pglite/open-pglite.js';
import { openPostgres } from './postgres/open-postgres.js';

/**
 * Opens the database that `config` names and brings its schema up to date.
 *
 * ### Examples
 * ```ts
 * const database = await openDatabase({ engine: 'pglite', dataDir: '.klens/data' });
 * try { ... } finally { await database.close(); }
 * ```
 * @throws {KlensError} DATABASE_UNAVAILABLE or MIGRATION_FAILED, with the cause attached.
 */
export async function openDatabase(config: DatabaseConfig): Promise<KlensDatabase> {
  const database =
    config.engine === 'pglite'
      ? await openPglite(config.dataDir ? { dataDir: config.dataDir } : {})
      : openPostgres(config);
  try {
    await migrateToLatest(database);
  } catch (error) {
    await database.close().catch(() => {});
    throw error;
  }
  return database;
}
