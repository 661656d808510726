import { createKlaviyoStore, createSimulatorApp, type KlaviyoStore } from '@klens/klaviyo-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KlensDatabase } from '../database/database.js';
import { createKlaviyoClient } from '../klaviyo/client.js';
import { openTestDatabase, testDatabaseEngines } from '../testing/test-database.js';
import { syncAccount } from './sync-account.js';

const NOW = new Date('2026-08-01T00:00:00Z');
const HOUR = 3_600_000;
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const at = (value: unknown) => (value === null ? null : new Date(value as string).getTime());
const klaviyoTime = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00');

/** Flows, actions and messages as the simulator has them now, in the columns the sync fills. */
function groundTruth(store: KlaviyoStore) {
  const actions = store.flows.flatMap((flow) => flow.actionIds.map((id) => store.flowAction(id)!));
  return {
    flows: store.flows.map((flow) => ({ id: flow.id, name: flow.name, updated: at(flow.updated) })).sort(byId),
    actions: actions.map((action) => ({ id: action.id, flow_id: action.flowId, updated: at(action.updated) })).sort(byId),
    messages: actions
      .flatMap((action) => (action.messageId ? [store.flowMessage(action.messageId)!] : []))
      // Only an email definition carries a name: the spec's SMS definition (FlowSms) has none.
      .map((message) => ({ id: message.id, flow_id: message.flowId, flow_action_id: message.actionId, name: message.channel === 'email' ? message.name : null, updated: at(message.updated) }))
      .sort(byId),
  };
}

describe.each(testDatabaseEngines())('syncing flows on %s', (engine) => {
  let store: KlaviyoStore;
  let database: KlensDatabase;
  let requests: URL[] = [];
  const sync = (target: KlensDatabase, options: { signal?: AbortSignal; stopAtMessageRequest?: number; controller?: AbortController } = {}) => {
    const app = createSimulatorApp(store, { apiKey: 'pk_flows' });
    let messageRequests = 0;
    return syncAccount({
      database: target,
      klaviyo: createKlaviyoClient({
        apiKey: 'pk_flows',
        baseUrl: 'http://sim.test',
        fetch: async (input, init) => {
          const url = new URL(String(input));
          requests.push(url);
          if (url.pathname.endsWith('/flow-messages') && ++messageRequests === options.stopAtMessageRequest) options.controller?.abort();
          return app.fetch(new Request(input, init));
        },
        sleep: async () => {},
      }),
      clock: () => store.now,
      metrics: [],
      resources: ['flows'],
      ...(options.controller ? { signal: options.controller.signal } : {}),
    });
  };
  const stored = async (target: KlensDatabase) => ({
    flows: (await target.kysely.selectFrom('flows').select(['id', 'name', 'updated']).execute()).map((row) => ({ ...row, updated: at(row.updated) })).sort(byId),
    actions: (await target.kysely.selectFrom('flow_actions').select(['id', 'flow_id', 'updated']).execute()).map((row) => ({ ...row, updated: at(row.updated) })).sort(byId),
    messages: (await target.kysely.selectFrom('flow_messages').select(['id', 'flow_id', 'flow_action_id', 'name', 'updated']).execute())
      .map((row) => ({ ...row, updated: at(row.updated) }))
      .sort(byId),
  });
  const paths = () => requests.map((url) => url.pathname.replace(/\/api\/(flows|flow-actions)\/[^/]+\//, '/api/$1/{id}/'));

  beforeAll(async () => {
    // Each engine gets its own store: the last test edits a flow in it.
    store = createKlaviyoStore({ seed: 33, size: 500, months: 3, ordersPerDay: 3, now: NOW });
    database = await openTestDatabase(engine);
  });
  afterAll(() => database?.close());

  it('loads every flow, action and message on the first sync, opening each flow and each action once', async () => {
    requests = [];
    const report = await sync(database);
    const truth = groundTruth(store);
    expect(await stored(database)).toEqual(truth);
    expect(truth.messages.length).toBeGreaterThan(5);
    expect(report.quarantined).toBe(0);
    const flowRequests = paths().filter((path) => path.includes('flow'));
    expect(flowRequests.filter((path) => path === '/api/flows/{id}/flow-actions')).toHaveLength(truth.flows.length);
    expect(flowRequests.filter((path) => path === '/api/flow-actions/{id}/flow-messages')).toHaveLength(truth.actions.length);
    expect(requests.filter((url) => url.pathname !== '/api/flows').every((url) => !url.searchParams.has('filter'))).toBe(true);
  });

  it('asks only for the flows listing, and every flow\'s id, when nothing changed', async () => {
    requests = [];
    const report = await sync(database);
    expect(paths().filter((path) => path.includes('flow'))).toEqual(['/api/flows', '/api/flows', '/api/flows']);
    const [changes, current, archived] = requests.filter((url) => url.pathname === '/api/flows');
    expect(changes!.searchParams.get('filter')).toMatch(/^greater-or-equal\(updated,/);
    // Deletions never show in the incremental listing: every id, archived or not, names only.
    expect([current!.searchParams.get('filter'), archived!.searchParams.get('filter')]).toEqual(['equals(archived,false)', 'equals(archived,true)']);
    expect(current!.searchParams.get('fields[flow]')).toBe('name');
    for (const stream of report.streams.filter((candidate) => candidate.stream.startsWith('flow'))) {
      expect(stream.added, stream.stream).toBe(0);
      expect(stream.deleted ?? 0, stream.stream).toBe(0);
    }
    expect(report.streams.find((stream) => stream.stream === 'flows:ids')).toMatchObject({ received: store.flows.length });
    expect(await stored(database)).toEqual(groundTruth(store));
  });

  it('after a message is edited, lists that flow\'s actions and that one action\'s messages, nothing else', async () => {
    const flow = store.flows.find((candidate) => candidate.actionIds.filter((id) => store.flowAction(id)!.messageId).length >= 2)!;
    const action = store.flowAction(flow.actionIds.find((id) => store.flowAction(id)!.messageId)!)!;
    const message = store.flowMessage(action.messageId!)!;
    // What an edit in Klaviyo does: the message changes and its action and flow move their `updated`.
    const edited = klaviyoTime(store.now.getTime() - HOUR);
    Object.assign(message, { name: `${message.name} (edited)`, updated: edited });
    Object.assign(action, { updated: edited });
    Object.assign(flow, { updated: edited });

    requests = [];
    const report = await sync(database);
    expect(paths().filter((path) => path.includes('flow'))).toEqual(['/api/flows', '/api/flows/{id}/flow-actions', '/api/flow-actions/{id}/flow-messages', '/api/flows', '/api/flows']);
    const [, actionsRequest, messagesRequest] = requests.filter((url) => url.pathname.includes('flow'));
    expect(actionsRequest!.pathname).toBe(`/api/flows/${flow.id}/flow-actions`);
    // Whole listings (one page each): only they show which children were deleted.
    expect(actionsRequest!.searchParams.has('filter')).toBe(false);
    expect(messagesRequest!.pathname).toBe(`/api/flow-actions/${action.id}/flow-messages`);
    expect(messagesRequest!.searchParams.has('filter')).toBe(false);
    // Only the edited action was opened, though the flow has other actions with messages.
    expect(flow.actionIds.filter((id) => id !== action.id && store.flowAction(id)!.messageId).length).toBeGreaterThan(0);
    expect(report.streams.find((stream) => stream.stream === 'flow-messages')).toMatchObject({ received: 1, added: 0 });
    expect(await stored(database)).toEqual(groundTruth(store));
  });

  it('resumes below the flow it was stopped in, and ends with every row', async () => {
    // Start over in the same database: forget every flow row and the flows watermark.
    for (const table of ['flow_messages', 'flow_actions', 'flows'] as const) await database.kysely.deleteFrom(table).execute();
    await database.kysely.deleteFrom('sync_state').where('stream', '=', 'flows').execute();
    const controller = new AbortController();
    await expect(sync(database, { controller, stopAtMessageRequest: 2 })).rejects.toThrow();
    const partial = await stored(database);
    expect(partial.messages.length).toBeGreaterThan(0);
    expect(partial.messages.length).toBeLessThan(groundTruth(store).messages.length);
    await sync(database);
    expect(await stored(database)).toEqual(groundTruth(store));
  });
});
