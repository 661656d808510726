import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KlensDatabase } from '../database/database.js';
import { migrateToLatest } from '../database/migrate.js';
import { forecastsSchema } from '../database/migrations/0002-forecasts.js';
import { openTestDatabase, testDatabaseEngines } from '../testing/test-database.js';

const FORECAST_TABLES = ['forecast_accuracy_checks', 'forecast_models', 'forecast_predictions', 'forecast_runs'];

describe.each(testDatabaseEngines())('migration 0002-forecasts on %s', (engine) => {
  let database: KlensDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
  });
  afterAll(() => database?.close());

  const primaryKeys = async () => {
    const { rows } = await sql<{ table_name: string; key: string }>`
      select tc.table_name, string_agg(kcu.column_name, ',' order by kcu.ordinal_position) as key
      from information_schema.table_constraints tc
      join information_schema.key_column_usage kcu on kcu.constraint_name = tc.constraint_name and kcu.table_schema = tc.table_schema
      where tc.constraint_type = 'PRIMARY KEY' and tc.table_schema = current_schema() and tc.table_name like 'forecast%'
      group by tc.table_name order by tc.table_name`.execute(database.kysely);
    return rows;
  };

  it('creates the forecast tables, each keyed by account_id first', async () => {
    expect(await primaryKeys()).toEqual([
      { table_name: 'forecast_accuracy_checks', key: 'account_id,id' },
      { table_name: 'forecast_models', key: 'account_id,id' },
      { table_name: 'forecast_predictions', key: 'account_id,run_id,date' },
      { table_name: 'forecast_runs', key: 'account_id,id' },
    ]);
  });

  it('goes down leaving no forecast table, then up again', async () => {
    const db = database.kysely as unknown as Kysely<unknown>;
    await forecastsSchema.down(db);
    expect(await primaryKeys()).toEqual([]);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from information_schema.tables where table_schema = current_schema() and table_name = 'accounts'`.execute(db);
    expect(rows[0]!.n).toBe(1);
    await forecastsSchema.up(db);
    expect((await primaryKeys()).map((row) => row.table_name)).toEqual(FORECAST_TABLES);
    expect(await migrateToLatest(database)).toEqual([]);
  });
});
