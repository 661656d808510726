import { sql } from 'kysely';
import type { KlensDatabase } from '../../database/database.js';
import type { Forecaster } from '../forecaster.js';

/** A forecaster that delegates and counts `forecast` calls: proof of when a model is (re)trained. */
export function countingForecaster(inner: Forecaster): Forecaster & { readonly calls: number; readonly lastModelName: string | undefined } {
  let calls = 0;
  let lastModelName: string | undefined;
  return {
    get calls() {
      return calls;
    },
    get lastModelName() {
      return lastModelName;
    },
    forecast(values, options) {
      calls += 1;
      const result = inner.forecast(values, options);
      lastModelName = result.model.name;
      return result;
    },
    backtest: (values, options) => inner.backtest(values, options),
  };
}

/**
 * Copies a synced account under another id, with the same metric ids and every event's value times
 * `factor`, keeping events before `before`: a second tenant whose ids collide with the first one's.
 */
export async function copyAccount(database: KlensDatabase, copy: { from: string; to: string; factor: number; before: Date }): Promise<void> {
  const db = database.kysely;
  await sql`insert into accounts (account_id, name, timezone, currency, attributes, updated_at)
    select ${copy.to}, name, timezone, currency, attributes, updated_at from accounts where account_id = ${copy.from}`.execute(db);
  await sql`insert into metrics (account_id, id, name, integration_name, integration_category, created, updated, attributes, synced_at)
    select ${copy.to}, id, name, integration_name, integration_category, created, updated, attributes, synced_at
    from metrics where account_id = ${copy.from}`.execute(db);
  await sql`insert into events (account_id, id, metric_id, profile_id, datetime, value, uuid, properties, raw_response_id)
    select ${copy.to}, id, metric_id, profile_id, datetime, value * ${copy.factor}, uuid, properties, raw_response_id
    from events where account_id = ${copy.from} and datetime < ${copy.before}`.execute(db);
}
