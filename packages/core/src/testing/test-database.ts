import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { DatabaseEngine, KlensDatabase } from '../database/database.js';
import { openDatabase } from '../database/open-database.js';

/**
 * The engines a test run covers: PGlite always, PostgreSQL too when `DATABASE_URL` is set (CI sets
 * it). Suites loop over this list so that the same assertions run on both.
 */
export function testDatabaseEngines(env: Record<string, string | undefined> = process.env): DatabaseEngine[] {
  return env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

/**
 * Opens a fresh, migrated database for one suite: an in-memory PGlite, or a throwaway schema on the
 * `DATABASE_URL` server so that suites running in parallel never see each other's rows. `close()`
 * drops the schema.
 */
export async function openTestDatabase(
  engine: DatabaseEngine,
  env: Record<string, string | undefined> = process.env,
): Promise<KlensDatabase> {
  if (engine === 'pglite') return openDatabase({ engine: 'pglite' });
  const connectionString = env.DATABASE_URL;
  if (!connectionString) throw new Error('DATABASE_URL must be set to test on PostgreSQL.');
  // The creation time in the name lets later runs sweep schemas that a killed run never dropped.
  const schema = `klens_test_${Math.floor(Date.now() / 1000)}_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  await withClient(connectionString, async (client) => {
    await dropAbandonedSchemas(client);
    await client.query(`create schema ${schema}`);
  });
  const database = await openDatabase({ engine: 'postgres', connectionString, searchPath: schema, maxConnections: 4 });
  return {
    ...database,
    async close() {
      await database.close();
      await withClient(connectionString, (client) => client.query(`drop schema ${schema} cascade`));
    },
  };
}

const ABANDONED_AFTER_SECONDS = 3600;

async function dropAbandonedSchemas(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ name: string }>(`select nspname as name from pg_namespace where nspname ~ '^klens_test_[0-9]+_'`);
  const cutoff = Date.now() / 1000 - ABANDONED_AFTER_SECONDS;
  for (const { name } of rows) {
    if (Number(name.split('_')[2]) < cutoff) await client.query(`drop schema if exists ${name} cascade`);
  }
}

async function withClient<T>(connectionString: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}
