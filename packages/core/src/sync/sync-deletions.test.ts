import { createKlaviyoStore, createSimulatorApp, type KlaviyoStore } from '@klens/klaviyo-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KlensDatabase } from '../database/database.js';
import { createKlaviyoClient } from '../klaviyo/client.js';
import { openTestDatabase, testDatabaseEngines } from '../testing/test-database.js';
import { syncAccount } from './sync-account.js';
import type { ResourceStreamName, SyncOptions, SyncReport } from './types.js';

const NOW = new Date('2026-08-01T00:00:00Z');
const API_KEY = 'pk_deletions';
const HEADERS = { Authorization: `Klaviyo-API-Key ${API_KEY}`, revision: '2026-07-15' };

type DeletableTable = 'lists' | 'segments' | 'campaigns' | 'campaign_messages' | 'flows' | 'flow_actions' | 'flow_messages';

/** Rewrites one response body on its way to the client (the sync sees what Klaviyo would have sent). */
type BodyEdit = (url: URL, body: { data: Array<Record<string, unknown>> }) => void;

describe.each(testDatabaseEngines())('finding records deleted in Klaviyo on %s', (engine) => {
  let store: KlaviyoStore;
  let database: KlensDatabase;
  let app: ReturnType<typeof createSimulatorApp>;

  const sync = (resources: ResourceStreamName[], options: { edit?: BodyEdit; abortAt?: (url: URL) => boolean; onProgress?: SyncOptions['onProgress'] } = {}): Promise<SyncReport> => {
    const controller = new AbortController();
    return syncAccount({
      database,
      klaviyo: createKlaviyoClient({
        apiKey: API_KEY,
        baseUrl: 'http://sim.test',
        fetch: async (input, init) => {
          const url = new URL(String(input));
          if (options.abortAt?.(url)) controller.abort();
          init?.signal?.throwIfAborted();
          const response = await app.fetch(new Request(input, init));
          if (!options.edit || response.status !== 200) return response;
          const body = (await response.json()) as { data: Array<Record<string, unknown>> };
          options.edit(url, body);
          return new Response(JSON.stringify(body), { status: 200, headers: response.headers });
        },
        sleep: async () => {},
      }),
      clock: () => store.now,
      metrics: [],
      resources,
      signal: controller.signal,
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
  };
  /** Deletes through the simulator's API, as a Klaviyo user's app would. */
  const remove = async (path: string) => expect((await app.request(path, { method: 'DELETE', headers: HEADERS })).status).toBe(204);
  /** Ids of the rows marked deleted, and of those not. */
  const marks = async (table: DeletableTable) => {
    const rows = await database.kysely.selectFrom(table).select(['id', 'deleted_at']).orderBy('id').execute();
    return {
      deleted: rows.filter((row) => row.deleted_at !== null).map((row) => row.id),
      kept: rows.filter((row) => row.deleted_at === null).map((row) => row.id),
      at: new Set(rows.flatMap((row) => (row.deleted_at === null ? [] : [new Date(row.deleted_at).getTime()]))),
    };
  };
  const sorted = (values: Iterable<string>) => [...values].sort();
  const streamOf = (report: SyncReport, stream: string) => report.streams.find((candidate) => candidate.stream === stream)!;
  const actionsOf = () => store.flows.flatMap((flow) => flow.actionIds);
  const messagesOf = () => actionsOf().flatMap((id) => (store.flowAction(id)!.messageId ? [store.flowAction(id)!.messageId!] : []));

  beforeAll(async () => {
    // Each engine gets its own store: the tests delete from it.
    store = createKlaviyoStore({ seed: 34, size: 500, ordersPerDay: 3, now: NOW });
    app = createSimulatorApp(store, { apiKey: API_KEY });
    database = await openTestDatabase(engine);
    await sync(['lists', 'segments', 'flows', 'campaigns']);
  }, 120_000);
  afterAll(() => database?.close());

  it('marks nothing while everything still exists', async () => {
    for (const table of ['lists', 'segments', 'campaigns', 'campaign_messages', 'flows', 'flow_actions', 'flow_messages'] as const) expect((await marks(table)).deleted, table).toEqual([]);
    expect((await marks('flows')).kept).toEqual(sorted(store.flows.map((flow) => flow.id)));
  });

  it('marks a deleted flow with its actions and messages, and an action deleted from another flow with its message', async () => {
    const [gone, edited] = store.flows.filter((flow) => flow.actionIds.some((id) => store.flowAction(id)!.messageId));
    const goneActions = [...gone!.actionIds];
    const goneMessages = goneActions.flatMap((id) => store.flowAction(id)!.messageId ?? []);
    const removedAction = edited!.actionIds.find((id) => store.flowAction(id)!.messageId)!;
    const removedMessage = store.flowAction(removedAction)!.messageId!;
    await remove(`/api/flows/${gone!.id}`);
    await remove(`/api/flow-actions/${removedAction}`);

    const report = await sync(['flows']);
    expect((await marks('flows')).deleted).toEqual([gone!.id]);
    expect((await marks('flow_actions')).deleted).toEqual(sorted([...goneActions, removedAction]));
    expect((await marks('flow_messages')).deleted).toEqual(sorted([...goneMessages, removedMessage]));
    // What is left unmarked is exactly what the simulator still has.
    expect((await marks('flows')).kept).toEqual(sorted(store.flows.map((flow) => flow.id)));
    expect((await marks('flow_actions')).kept).toEqual(sorted(actionsOf()));
    expect((await marks('flow_messages')).kept).toEqual(sorted(messagesOf()));
    expect((await marks('flows')).at).toEqual(new Set([store.now.getTime()]));
    expect(streamOf(report, 'flows:ids')).toMatchObject({ deleted: 1, received: store.flows.length });
    // The flow's own listing found the one action and the one message; the rest went with their flow.
    expect(streamOf(report, 'flow-actions').deleted).toBe(1 + goneActions.length);
    expect(streamOf(report, 'flow-messages').deleted).toBe(1 + goneMessages.length);
  });

  it('keeps the first deletion time and counts nothing again on the next sync', async () => {
    const before = await marks('flow_actions');
    const rawFlowPages = () => database.kysely.selectFrom('raw_api_responses').select(['id', 'params']).where('endpoint', '=', '/api/flows').orderBy('id').execute();
    const rawBefore = (await rawFlowPages()).length;
    const report = await sync(['flows']);
    expect(await marks('flow_actions')).toEqual(before);
    // The id listings load no rows, so they are not kept raw; the incremental listing is.
    const rawAdded = (await rawFlowPages()).slice(rawBefore);
    expect(rawAdded.map((row) => Object.keys(row.params as object).sort())).toEqual([['filter', 'page[size]', 'sort']]);
    for (const stream of ['flows:ids', 'flow-actions', 'flow-messages']) expect(streamOf(report, stream).deleted ?? 0, stream).toBe(0);
  });

  it('marks nothing when the id listing holds a record without an id, and marks once the listing is whole', async () => {
    const gone = store.flows.at(-1)!;
    await remove(`/api/flows/${gone.id}`);
    const idListing = (url: URL) => url.pathname === '/api/flows' && url.searchParams.get('filter') === 'equals(archived,false)';
    await sync(['flows'], { edit: (url, body) => idListing(url) && body.data[0] && delete body.data[0].id });
    expect((await marks('flows')).deleted).not.toContain(gone.id);
    await sync(['flows']);
    expect((await marks('flows')).deleted).toContain(gone.id);
  });

  it('marks nothing when the sync stops during the id listing', async () => {
    const gone = store.flows.at(-1)!;
    await remove(`/api/flows/${gone.id}`);
    const archivedListing = (url: URL) => url.pathname === '/api/flows' && url.searchParams.get('filter') === 'equals(archived,true)';
    await expect(sync(['flows'], { abortAt: archivedListing })).rejects.toThrow();
    expect((await marks('flows')).deleted).not.toContain(gone.id);
    await sync(['flows']);
    expect((await marks('flows')).deleted).toContain(gone.id);
  });

  it('unmarks a row that the id listing shows again', async () => {
    // A flow the incremental listing (24 h before the latest `updated`) does not read again, so only the id listing can unmark it.
    const byUpdated = [...store.flows].sort((a, b) => Date.parse(a.updated) - Date.parse(b.updated));
    expect(Date.parse(byUpdated[0]!.updated)).toBeLessThan(Date.parse(byUpdated.at(-1)!.updated) - 24 * 3_600_000);
    const kept = byUpdated[0]!.id;
    await database.kysely.updateTable('flows').set({ deleted_at: new Date(0) }).where('id', '=', kept).execute();
    const report = await sync(['flows']);
    expect((await marks('flows')).kept).toContain(kept);
    expect(streamOf(report, 'flows:ids').deleted ?? 0).toBe(0);
  });

  it('marks a deleted campaign with its message, whatever its channel or archive state', async () => {
    const gone = [store.campaigns.find((campaign) => campaign.archived)!, store.campaigns.find((campaign) => !campaign.archived && campaign.channel === 'sms')!];
    for (const campaign of gone) await remove(`/api/campaigns/${campaign.id}`);
    const progress: Array<{ pages: number; received: number }> = [];
    const report = await sync(['campaigns'], { onProgress: (step) => step.stream === 'campaigns:ids' && progress.push({ pages: step.pages, received: step.received }) });
    expect((await marks('campaigns')).deleted).toEqual(sorted(gone.map((campaign) => campaign.id)));
    // One progress line per page of the id listings, the last with every id.
    expect(progress.map((step) => step.pages)).toEqual(Array.from({ length: streamOf(report, 'campaigns:ids').pages }, (_, i) => i + 1));
    expect(progress.at(-1)!.received).toBe(store.campaigns.length);
    expect((await marks('campaign_messages')).deleted).toEqual(sorted(gone.map((campaign) => campaign.messageId)));
    expect((await marks('campaigns')).kept).toEqual(sorted(store.campaigns.map((campaign) => campaign.id)));
    expect(streamOf(report, 'campaigns:ids')).toMatchObject({ deleted: 2, received: store.campaigns.length });
  });

  it('marks a deleted list and a deleted segment, and lists every one of their ids each sync', async () => {
    const list = store.lists[0]!.id;
    const segment = store.segments.at(-1)!.id;
    await remove(`/api/lists/${list}`);
    await remove(`/api/segments/${segment}`);
    const report = await sync(['lists', 'segments']);
    expect((await marks('lists')).deleted).toEqual([list]);
    expect((await marks('segments')).deleted).toEqual([segment]);
    expect((await marks('lists')).kept).toEqual(sorted(store.lists.map((candidate) => candidate.id)));
    expect((await marks('segments')).kept).toEqual(sorted(store.segments.map((candidate) => candidate.id)));
    expect(streamOf(report, 'lists:ids')).toMatchObject({ deleted: 1, received: store.lists.length });
    expect(streamOf(report, 'segments:ids')).toMatchObject({ deleted: 1, received: store.segments.length });
  });
});
