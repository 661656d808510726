import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testDatabaseEngines } from '../testing/test-database.js';
import type { KlensDatabase } from './database.js';
import { migrateToLatest } from './migrate.js';
import { openDatabase } from './open-database.js';

describe.each(testDatabaseEngines())('migrations on %s', (engine) => {
  let database: KlensDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
  });
  afterAll(() => database?.close());

  it('keys every table by account_id first, so that each query can be scoped and the schema sharded', async () => {
    const { rows: tables } = await sql<{ table_name: string }>`
      select table_name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name not like 'kysely%'
      order by table_name`.execute(database.kysely);
    const { rows: keys } = await sql<{ table_name: string; first_key: string }>`
      select tc.table_name, kcu.column_name as first_key
      from information_schema.table_constraints tc
      join information_schema.key_column_usage kcu on kcu.constraint_name = tc.constraint_name and kcu.table_schema = tc.table_schema
      where tc.constraint_type = 'PRIMARY KEY' and kcu.ordinal_position = 1 and tc.table_schema = current_schema()
        and tc.table_name not like 'kysely%'
      order by tc.table_name`.execute(database.kysely);
    const names = tables.map((table) => table.table_name);
    expect(names).toEqual(expect.arrayContaining(['accounts', 'events', 'metrics', 'raw_api_responses', 'sync_state', 'quarantined_records', 'forecast_models', 'forecast_predictions']));
    // Every table has a primary key, and its first column is account_id.
    expect(keys).toEqual(names.map((table_name) => ({ table_name, first_key: 'account_id' })));
  });

  it('does nothing when the schema is already current', async () => {
    expect(await migrateToLatest(database)).toEqual([]);
  });
});

describe('opening a database that is not there', () => {
  it('fails with DATABASE_UNAVAILABLE and says to check DATABASE_URL', async () => {
    await expect(openDatabase({ engine: 'postgres', connectionString: 'postgres://nobody@127.0.0.1:1/none' })).rejects.toMatchObject({
      code: 'DATABASE_UNAVAILABLE',
      message: expect.stringContaining('check DATABASE_URL'),
    });
  });
});
