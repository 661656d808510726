import { createKlaviyoStore, createSimulatorApp, type KlaviyoStore } from '@klens/klaviyo-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KlensDatabase } from '../database/database.js';
import { createKlaviyoClient } from '../klaviyo/client.js';
import { openTestDatabase, testDatabaseEngines } from '../testing/test-database.js';
import { syncAccount } from './sync-account.js';

const NOW = new Date('2026-08-01T00:00:00Z');
// Two accounts in one database: each must get its own attributions and only those.
const stores = [31, 32].map((seed) => createKlaviyoStore({ seed, size: 1000, months: 3, ordersPerDay: 10, now: NOW }));
const LOOKBACK_HOURS = 24 * 7;

// Code-unit order: ids mix cases, and database collations disagree on how to order those.
const byEventId = (a: { event_id: string }, b: { event_id: string }) => (a.event_id < b.event_id ? -1 : a.event_id > b.event_id ? 1 : 0);
const placedOrderOf = (store: KlaviyoStore) => store.metrics.find((metric) => metric.name === 'Placed Order')!.id;

/** What the simulator says each attributed Placed Order was credited to, by event id. */
function expectedAttributions(store: KlaviyoStore, from = store.start) {
  return [...store.events({ metricId: placedOrderOf(store), from })]
    .flatMap((event) => {
      const attribution = store.attributionOf(event);
      if (!attribution) return [];
      const campaign = attribution.campaignId !== undefined;
      return [{
        event_id: event.id,
        campaign_id: attribution.campaignId ?? null,
        campaign_message_id: campaign ? attribution.messageId : null,
        flow_id: attribution.flowId ?? null,
        flow_message_id: campaign ? null : attribution.messageId,
      }];
    })
    .sort(byEventId);
}

describe.each(testDatabaseEngines())('event attributions on %s', (engine) => {
  let database: KlensDatabase;
  const sync = (store: KlaviyoStore) => {
    const apiKey = `pk_attributions_${store.options.seed}`;
    const app = createSimulatorApp(store, { apiKey });
    return syncAccount({
      database,
      klaviyo: createKlaviyoClient({ apiKey, baseUrl: 'http://sim.test', fetch: async (input, init) => app.fetch(new Request(input, init)), sleep: async () => {} }),
      clock: () => store.now,
      backfillFrom: store.start,
      lookbackHours: LOOKBACK_HOURS,
    });
  };
  const stored = async (store: KlaviyoStore) =>
    (
      await database.kysely
        .selectFrom('event_attributions')
        .select(['event_id', 'campaign_id', 'campaign_message_id', 'flow_id', 'flow_message_id'])
        .where('account_id', '=', store.account.id)
        .execute()
    ).sort(byEventId);

  beforeAll(async () => {
    database = await openTestDatabase(engine);
  });
  afterAll(() => database?.close());

  it('stores one row for every attributed Placed Order, crediting the message the simulator credits', async () => {
    const [store] = stores;
    const report = await sync(store!);
    expect(report.quarantined).toBe(0);
    const expected = expectedAttributions(store!);
    expect(expected.length).toBeGreaterThan(30);
    expect(await stored(store!)).toEqual(expected);

    // The same truth seen per campaign and per flow: every attributed order is counted once.
    const byCampaign = store!.campaigns.reduce((sum, campaign) => sum + [...store!.attributedOrders({ campaignId: campaign.id })].length, 0);
    const byFlow = store!.flows.reduce((sum, flow) => sum + [...store!.attributedOrders({ flowId: flow.id })].length, 0);
    expect(byCampaign + byFlow).toBe(expected.length);
    const counts = await database.kysely
      .selectFrom('event_attributions')
      .select((eb) => [eb.fn.count<string>('campaign_id').as('campaigns'), eb.fn.count<string>('flow_id').as('flows')])
      .where('account_id', '=', store!.account.id)
      .executeTakeFirstOrThrow();
    expect([Number(counts.campaigns), Number(counts.flows)]).toEqual([byCampaign, byFlow]);
  });

  it('adds no attribution when the lookback reads attributed orders again', async () => {
    const [store] = stores;
    const reread = expectedAttributions(store!, new Date(store!.now.getTime() - LOOKBACK_HOURS * 3_600_000));
    expect(reread.length).toBeGreaterThan(0);
    const before = await stored(store!);
    const report = await sync(store!);
    expect(report.streams.find((stream) => stream.stream.startsWith('events:'))!.received).toBeGreaterThanOrEqual(reread.length);
    expect(await stored(store!)).toEqual(before);
  });

  it('keeps each account to its own attributions, each joined to an event of that account', async () => {
    const [first, second] = stores;
    expect(first!.account.id).not.toBe(second!.account.id);
    await sync(second!);
    expect(await stored(first!)).toEqual(expectedAttributions(first!));
    expect(await stored(second!)).toEqual(expectedAttributions(second!));
    const orphans = await database.kysely
      .selectFrom('event_attributions as attribution')
      .leftJoin('events as event', (join) => join.onRef('event.account_id', '=', 'attribution.account_id').onRef('event.id', '=', 'attribution.event_id'))
      .select(['attribution.account_id', 'attribution.event_id'])
      .where('event.id', 'is', null)
      .execute();
    expect(orphans).toEqual([]);
  });
});
