import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import { KlensError } from '../../errors/klens-error.js';
import type { KlensDatabase } from '../database.js';
import type { KlensTables } from '../tables.js';

/**
 * Opens the embedded database: PGlite in `dataDir` (created if missing), or in memory.
 * PGlite has one connection; the dialect serializes queries and transactions on it.
 */
export async function openPglite(options: { dataDir?: string }): Promise<KlensDatabase> {
  let pglite: PGlite;
  try {
    if (options.dataDir) await mkdir(options.dataDir, { recursive: true });
    pglite = await PGlite.create(options.dataDir ? { dataDir: options.dataDir } : {});
  } catch (cause) {
    const where = options.dataDir ? `in ${options.dataDir}` : 'in memory';
    throw new KlensError(
      'DATABASE_UNAVAILABLE',
      `Could not open the embedded database ${where}. Is another Klens process using that folder?`,
      { cause },
    );
  }
  const kysely = new Kysely<KlensTables>({ dialect: new PGliteDialect(pglite) });
  return {
    engine: 'pglite',
    kysely,
    // Destroying Kysely closes PGlite too (kysely-pglite-dialect >= 1.3.1).
    close: () => kysely.destroy(),
  };
}
