import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KlensDatabase } from '../database/database.js';
import { openTestDatabase, testDatabaseEngines } from '../testing/test-database.js';
import { metricTimeSeries } from './metric-time-series.js';

// Hand-placed events around the start of US daylight saving time (Sunday 2026-03-08, 02:00 local):
// the expected buckets below were worked out by hand from local New York wall-clock times.
const events = [
  { id: 'E1', metric: 'PO', at: '2026-03-07T04:59:59Z', value: 10 }, // Fri 03-06 23:59:59 EST
  { id: 'E2', metric: 'PO', at: '2026-03-07T05:00:00Z', value: 20 }, // Sat 03-07 00:00:00 EST
  { id: 'E3', metric: 'PO', at: '2026-03-08T06:59:59Z', value: 5 }, // Sun 03-08 01:59:59 EST
  { id: 'E4', metric: 'PO', at: '2026-03-09T03:59:59Z', value: 7 }, // Sun 03-08 23:59:59 EDT
  { id: 'E5', metric: 'PO', at: '2026-03-09T04:00:00Z', value: 1.25 }, // Mon 03-09 00:00:00 EDT
  { id: 'E6', metric: 'PO', at: '2026-03-10T16:00:00Z', value: null }, // Tue 03-10, an order without $value
  { id: 'E7', metric: 'OE', at: '2026-03-07T12:00:00Z', value: 100 }, // another metric
];

async function seed(database: KlensDatabase) {
  const db = database.kysely;
  const now = new Date('2026-03-20T00:00:00Z');
  await db
    .insertInto('accounts')
    .values([
      { account_id: 'ACME', name: 'Acme', timezone: 'America/New_York', currency: 'USD', attributes: '{}', updated_at: now },
      { account_id: 'OTHER', name: 'Other', timezone: 'UTC', currency: 'EUR', attributes: '{}', updated_at: now },
    ])
    .execute();
  const metric = (account_id: string, id: string, name: string) => ({ account_id, id, name, integration_name: null, integration_category: null, created: null, updated: null, attributes: '{}', synced_at: now });
  await db.insertInto('metrics').values([metric('ACME', 'PO', 'Placed Order'), metric('ACME', 'OE', 'Opened Email'), metric('OTHER', 'PO2', 'Placed Order')]).execute();
  const row = (account_id: string, e: (typeof events)[number], metric_id = e.metric) => ({
    account_id, id: e.id, metric_id, profile_id: null, datetime: e.at, value: e.value, uuid: null, properties: '{}', raw_response_id: 0,
  });
  await db.insertInto('events').values(events.map((e) => row('ACME', e))).execute();
  // The other account's orders fall on the same days; none may leak into Acme's numbers.
  const orders = events.filter((e) => e.metric === 'PO');
  await db.insertInto('events').values(orders.map((e) => row('OTHER', { ...e, value: 1000 }, 'PO2'))).execute();
}

describe.each(testDatabaseEngines())('metricTimeSeries on %s', (engine) => {
  let database: KlensDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    await seed(database);
  });
  afterAll(() => database?.close());

  it('sums value and counts events per local day, with empty days as zeros', async () => {
    const series = await metricTimeSeries(database, { accountId: 'ACME', metric: 'Placed Order', from: '2026-03-05', to: '2026-03-10' });
    expect(series.points).toEqual([
      { period: '2026-03-05', value: 0, count: 0 },
      { period: '2026-03-06', value: 10, count: 1 },
      { period: '2026-03-07', value: 20, count: 1 },
      { period: '2026-03-08', value: 12, count: 2 },
      { period: '2026-03-09', value: 1.25, count: 1 },
      { period: '2026-03-10', value: 0, count: 1 },
    ]);
    expect(series).toMatchObject({ timezone: 'America/New_York', currency: 'USD', interval: 'day', totals: { value: 43.25, count: 6 } });
    expect(series.metric).toEqual({ name: 'Placed Order', ids: ['PO'] });
  });

  it('buckets by ISO week starting Monday and by calendar month', async () => {
    const weeks = await metricTimeSeries(database, { accountId: 'ACME', metric: 'Placed Order', from: '2026-03-01', to: '2026-03-15', interval: 'week' });
    expect(weeks.points).toEqual([
      { period: '2026-02-23', value: 0, count: 0 },
      { period: '2026-03-02', value: 42, count: 4 },
      { period: '2026-03-09', value: 1.25, count: 2 },
    ]);
    const months = await metricTimeSeries(database, { accountId: 'ACME', metric: 'PO', from: '2026-02-15', to: '2026-03-31', interval: 'month' });
    expect(months.points).toEqual([
      { period: '2026-02-01', value: 0, count: 0 },
      { period: '2026-03-01', value: 43.25, count: 6 },
    ]);
  });

  it('reads only the asking account, in its own timezone', async () => {
    const other = await metricTimeSeries(database, { accountId: 'OTHER', metric: 'Placed Order', from: '2026-03-07', to: '2026-03-07' });
    // In UTC, 03-07 holds E1 and E2; E3 is already 03-08.
    expect(other.points).toEqual([{ period: '2026-03-07', value: 2000, count: 2 }]);
    expect(other.currency).toBe('EUR');
  });

  it('defaults to the last 30 days ending today in the account timezone', async () => {
    const clock = () => new Date('2026-03-10T03:00:00Z'); // still 03-09 in New York
    const series = await metricTimeSeries(database, { accountId: 'ACME', metric: 'Placed Order' }, clock);
    expect(series.to).toBe('2026-03-09');
    expect(series.from).toBe('2026-02-08');
    expect(series.points).toHaveLength(30);
  });

  it('says which metrics exist when the name is unknown', async () => {
    await expect(metricTimeSeries(database, { accountId: 'ACME', metric: 'Revenue', from: '2026-03-01', to: '2026-03-02' })).rejects.toMatchObject({
      code: 'METRIC_NOT_FOUND',
      message: 'No metric named "Revenue" in this account. Known metrics: Opened Email, Placed Order.',
    });
  });

  it('refuses an account that never synced and a reversed range', async () => {
    await expect(metricTimeSeries(database, { accountId: 'NOBODY', metric: 'Placed Order' })).rejects.toMatchObject({ code: 'ACCOUNT_NOT_SYNCED' });
    await expect(metricTimeSeries(database, { accountId: 'ACME', metric: 'Placed Order', from: '2026-03-02', to: '2026-03-01' })).rejects.toMatchObject({
      code: 'INVALID_DATE_RANGE',
    });
  });
});
