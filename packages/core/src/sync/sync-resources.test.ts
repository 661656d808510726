import { createKlaviyoStore, createSimulatorApp } from '@klens/klaviyo-sim';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KlensDatabase } from '../database/database.js';
import { createKlaviyoClient } from '../klaviyo/client.js';
import { openTestDatabase, testDatabaseEngines } from '../testing/test-database.js';
import { syncAccount } from './sync-account.js';
import { RESOURCE_STREAMS, type SyncReport } from './types.js';

const store = createKlaviyoStore({ seed: 31, size: 500, ordersPerDay: 3, now: new Date('2026-08-01T00:00:00Z') });
const app = createSimulatorApp(store, { apiKey: 'pk_resources' });

describe.each(testDatabaseEngines())('syncing every resource on %s', (engine) => {
  let database: KlensDatabase;
  let first: SyncReport;
  const requests: URL[] = [];
  const sync = () =>
    syncAccount({
      database,
      klaviyo: createKlaviyoClient({
        apiKey: 'pk_resources',
        baseUrl: 'http://sim.test',
        fetch: async (input, init) => (requests.push(new URL(String(input))), app.fetch(new Request(input, init))),
        sleep: async () => {},
      }),
      clock: () => store.now,
      backfillFrom: new Date(store.now.getTime() - 7 * 86_400_000),
      resources: RESOURCE_STREAMS,
    });
  const ids = async (table: 'profiles' | 'lists' | 'segments' | 'campaigns' | 'campaign_messages' | 'flows' | 'flow_actions' | 'flow_messages') =>
    (await database.kysely.selectFrom(table).select('id').orderBy('id').execute()).map((row) => row.id);
  const sorted = (values: Iterable<string>) => [...values].sort();

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    first = await sync();
  }, 180_000);
  afterAll(() => database?.close());

  it('loads every list, segment and profile of the account', async () => {
    expect(await ids('lists')).toEqual(sorted(store.lists.map((list) => list.id)));
    expect(await ids('segments')).toEqual(sorted(store.segments.map((segment) => segment.id)));
    const profiles = await ids('profiles');
    expect(profiles.length).toBe(store.profileCount);
    expect(profiles).toEqual(sorted([...store.profiles()].map((profile) => profile.id)));
  });

  it('loads campaigns of every channel, archived ones too, with their messages', async () => {
    expect(new Set(store.campaigns.map((campaign) => campaign.archived))).toEqual(new Set([true, false]));
    expect(await ids('campaigns')).toEqual(sorted(store.campaigns.map((campaign) => campaign.id)));
    expect(await ids('campaign_messages')).toEqual(sorted(store.campaigns.map((campaign) => campaign.messageId)));
    const channels = await database.kysely.selectFrom('campaigns').select(['id', 'channel']).execute();
    for (const row of channels) expect(row.channel).toBe(store.campaign(row.id)!.channel);
    const messages = await database.kysely.selectFrom('campaign_messages').select(['id', 'campaign_id']).execute();
    for (const row of messages) expect(row.campaign_id).toBe(store.campaignMessage(row.id)!.campaignId);
  });

  it('loads every flow with its actions and their messages', async () => {
    expect(await ids('flows')).toEqual(sorted(store.flows.map((flow) => flow.id)));
    const actions = store.flows.flatMap((flow) => flow.actionIds);
    expect(await ids('flow_actions')).toEqual(sorted(actions));
    const messageIds = actions.map((id) => store.flowAction(id)!).flatMap((action) => (action.messageId ? [action.messageId] : []));
    expect(messageIds.length).toBeGreaterThan(0);
    expect(await ids('flow_messages')).toEqual(sorted(messageIds));
    const rows = await database.kysely.selectFrom('flow_messages').select(['id', 'flow_id', 'flow_action_id']).execute();
    for (const row of rows) {
      const action = store.flowAction(row.flow_action_id)!;
      expect([action.messageId, action.flowId]).toEqual([row.id, row.flow_id]);
    }
  });

  it('stores every page raw and reports each stream', async () => {
    const { rows } = await sql<{ endpoint: string }>`select distinct endpoint from raw_api_responses`.execute(database.kysely);
    const endpoints = new Set(rows.map((row) => row.endpoint.replace(/\/api\/(campaigns|flows|flow-actions)\/[^/]+\//, '/api/$1/{id}/')));
    for (const path of ['/api/profiles', '/api/lists', '/api/segments', '/api/campaigns', '/api/campaigns/{id}/campaign-messages', '/api/flows', '/api/flows/{id}/flow-actions', '/api/flow-actions/{id}/flow-messages']) {
      expect(endpoints).toContain(path);
    }
    const streams = first.streams.map((stream) => stream.stream);
    expect(streams).toEqual(expect.arrayContaining(['profiles', 'lists', 'segments', 'campaigns:email', 'campaigns:sms:archived', 'flows', 'flow-actions', 'flow-messages']));
    expect(first.quarantined).toBe(0);
  });

  it('asks only for what changed on the next sync, and adds nothing', async () => {
    const before = requests.length;
    const again = await sync();
    const later = requests.slice(before);
    const filterOf = (path: string) => later.find((url) => url.pathname === path)?.searchParams.get('filter') ?? '';
    expect(filterOf('/api/profiles')).toMatch(/^greater-than\(updated,/);
    expect(filterOf('/api/lists')).toMatch(/^greater-than\(updated,/);
    expect(filterOf('/api/flows')).toMatch(/^greater-or-equal\(updated,/);
    expect(filterOf('/api/campaigns')).toMatch(/greater-or-equal\(updated_at,/);
    for (const stream of again.streams) expect(stream.added, stream.stream).toBe(0);
    // The second sync re-reads only the lookback, not the whole account.
    expect(later.length).toBeLessThan(before);
  });
});
