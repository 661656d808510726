import { type Kysely, Migrator, sql } from 'kysely';
import { KlensError } from '../errors/klens-error.js';
import type { KlensDatabase } from './database.js';
import { migrations } from './migrations/index.js';

const unreachableCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'EHOSTUNREACH', 'ECONNRESET', '28P01', '3D000']);

/**
 * Brings the schema up to date with Kysely's Migrator, which takes a lock so that several
 * processes starting together migrate once.
 *
 * @returns the names of the migrations applied now (empty when already current).
 * @throws {KlensError} DATABASE_UNAVAILABLE when the server cannot be reached or refuses the login;
 *   MIGRATION_FAILED when a migration fails (it is rolled back).
 */
export async function migrateToLatest(database: KlensDatabase): Promise<string[]> {
  const db = database.kysely as unknown as Kysely<unknown>;
  let error: unknown;
  let results: Awaited<ReturnType<Migrator['migrateToLatest']>>['results'] = [];
  try {
    // The Migrator looks for its own tables in every schema unless told which one: name the schema
    // we write to, or another schema's migration tables on the same server would fool it.
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations }, migrationTableSchema: rows[0]!.schema });
    ({ error, results = [] } = await migrator.migrateToLatest());
  } catch (caught) {
    error = caught;
  }
  if (error) {
    const code = (error as { code?: string }).code;
    if (code && unreachableCodes.has(code)) {
      throw new KlensError(
        'DATABASE_UNAVAILABLE',
        `Could not connect to the ${database.engine === 'postgres' ? 'PostgreSQL server (check DATABASE_URL)' : 'embedded database'}: ${describe(error)}`,
        { cause: error },
      );
    }
    const failed = results.find((result) => result.status === 'Error')?.migrationName;
    throw new KlensError(
      'MIGRATION_FAILED',
      `Database migration ${failed ?? ''} failed and was rolled back: ${describe(error)}`.replace('  ', ' '),
      { cause: error },
    );
  }
  return results.filter((result) => result.status === 'Success').map((result) => result.migrationName);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
