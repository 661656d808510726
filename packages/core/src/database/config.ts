import { KlensError } from '../errors/klens-error.js';

/**
 * Where Klens keeps its data.
 * - `{ engine: 'pglite' }`: embedded PostgreSQL (WebAssembly) in `dataDir`, or in memory when
 *   `dataDir` is omitted (tests).
 * - `{ engine: 'postgres' }`: a PostgreSQL server; `searchPath` confines Klens to one schema.
 */
export type DatabaseConfig =
  | { engine: 'pglite'; dataDir?: string }
  | { engine: 'postgres'; connectionString: string; searchPath?: string; maxConnections?: number };

/**
 * Reads a database config from the two settings a deployment has: `DATABASE_URL` (PostgreSQL) wins;
 * otherwise an embedded database in `dataDir`.
 *
 * ### Examples
 * ```ts
 * databaseConfigFrom({ databaseUrl: 'postgres://klens@db:5432/klens' }); // { engine: 'postgres', ... }
 * databaseConfigFrom({ dataDir: '.klens/data' }); // { engine: 'pglite', dataDir: '.klens/data' }
 * ```
 * @throws {KlensError} CONFIG_INVALID when the URL is not a postgres:// or postgresql:// URL.
 */
export function databaseConfigFrom(settings: { databaseUrl?: string; dataDir?: string }): DatabaseConfig {
  const url = settings.databaseUrl?.trim();
  if (url) {
    let protocol: string;
    try {
      protocol = new URL(url).protocol;
    } catch {
      throw new KlensError('CONFIG_INVALID', 'DATABASE_URL is not a valid URL. Expected postgres://user@host:5432/database.');
    }
    if (protocol !== 'postgres:' && protocol !== 'postgresql:') {
      throw new KlensError('CONFIG_INVALID', `DATABASE_URL must start with postgres:// or postgresql:// (got ${protocol}//).`);
    }
    return { engine: 'postgres', connectionString: url };
  }
  return settings.dataDir ? { engine: 'pglite', dataDir: settings.dataDir } : { engine: 'pglite' };
}
