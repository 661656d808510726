import { describe, expect, it } from 'vitest';
import { createKlaviyoStore } from './create-klaviyo-store.js';
import type { KlaviyoStore, SimFlow } from './types.js';

// Each test edits a store of its own: edits mutate it.
const OPTIONS = { seed: 21, size: 500, months: 3, ordersPerDay: 3, now: new Date('2026-11-01T00:00:00Z') };
/** The store's `now` as the store writes `updated`. */
const NOW_TEXT = '2026-11-01T00:00:00+00:00';

/** The flow whose messages sent the most events: deleting it has the most to lose. */
function busiestFlow(store: KlaviyoStore): SimFlow {
  const counts = new Map<string, number>();
  for (const event of store.events()) {
    const flowId = event.message?.flowId;
    if (flowId !== undefined) counts.set(flowId, (counts.get(flowId) ?? 0) + 1);
  }
  const [id] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [];
  return store.flows.find((flow) => flow.id === id) as SimFlow;
}

describe('store edits', () => {
  it('updateFlow sets the status of a flow and its actions and moves their updated to now', () => {
    const store = createKlaviyoStore(OPTIONS);
    const [flow, other] = store.flows as [SimFlow, SimFlow];
    const otherBefore = structuredClone(other);
    expect(flow.updated < NOW_TEXT).toBe(true);

    const updated = store.updateFlow(flow.id, { status: 'manual' });
    expect(updated).toMatchObject({ id: flow.id, status: 'manual', updated: NOW_TEXT });
    expect(store.flow(flow.id)).toBe(updated);
    expect(store.flows.find((candidate) => candidate.id === flow.id)?.status).toBe('manual');
    for (const actionId of flow.actionIds) expect(store.flowAction(actionId)).toMatchObject({ status: 'manual', updated: NOW_TEXT });
    expect(store.flow(other.id)).toEqual(otherBefore);
    expect(store.updateFlow('no-such-flow', { status: 'draft' })).toBeUndefined();
  });

  it('deleteFlow removes the flow, its actions and their messages from every lookup', () => {
    const store = createKlaviyoStore(OPTIONS);
    const flow = store.flows[1] as SimFlow;
    const actions = flow.actionIds.map((id) => store.flowAction(id));
    const messageIds = actions.flatMap((action) => (action?.messageId ? [action.messageId] : []));
    expect(messageIds.length).toBeGreaterThan(0);
    const others = store.flows.filter((candidate) => candidate.id !== flow.id).map((candidate) => candidate.id);

    expect(store.deleteFlow(flow.id)).toBe(true);
    expect(store.flow(flow.id)).toBeUndefined();
    expect(store.flows.map((candidate) => candidate.id)).toEqual(others);
    for (const id of flow.actionIds) expect(store.flowAction(id)).toBeUndefined();
    for (const id of messageIds) expect(store.flowMessage(id)).toBeUndefined();
    for (const id of others) expect(store.flow(id)?.actionIds.every((actionId) => store.flowAction(actionId) !== undefined)).toBe(true);
    expect(store.deleteFlow(flow.id)).toBe(false);
  });

  it("deleteFlowAction removes the action and its message and moves its flow's updated", () => {
    const store = createKlaviyoStore(OPTIONS);
    const flow = store.flows[0] as SimFlow;
    const send = flow.actionIds.map((id) => store.flowAction(id)).find((action) => action?.messageId !== undefined);
    if (!send?.messageId) throw new Error('the welcome series sends emails');
    const kept = flow.actionIds.filter((id) => id !== send.id);

    expect(store.deleteFlowAction(send.id)).toBe(true);
    expect(store.flowAction(send.id)).toBeUndefined();
    expect(store.flowMessage(send.messageId)).toBeUndefined();
    expect(store.flow(flow.id)).toMatchObject({ actionIds: kept, updated: NOW_TEXT, status: 'live' });
    for (const id of kept) expect(store.flowAction(id)).toBeDefined();
    expect(store.deleteFlowAction(send.id)).toBe(false);
  });

  it('deleteCampaign removes the campaign and its message', () => {
    const store = createKlaviyoStore(OPTIONS);
    const campaign = store.campaigns[3];
    if (!campaign) throw new Error('the store has campaigns');
    const count = store.campaigns.length;

    expect(store.deleteCampaign(campaign.id)).toBe(true);
    expect(store.campaign(campaign.id)).toBeUndefined();
    expect(store.campaignMessage(campaign.messageId)).toBeUndefined();
    expect(store.campaigns).toHaveLength(count - 1);
    expect(store.campaigns.some((candidate) => candidate.id === campaign.id)).toBe(false);
    expect(store.deleteCampaign(campaign.id)).toBe(false);
  });

  it('keeps the events, attributions and activity of deleted flows and campaigns', () => {
    const pristine = createKlaviyoStore(OPTIONS);
    const flow = busiestFlow(pristine);
    const campaign = pristine.campaigns.find((candidate) => candidate.status === 'Sent') as NonNullable<KlaviyoStore['campaigns'][number]>;
    // Deleted before any event is made, so every event below is generated after the edits.
    const edited = createKlaviyoStore(OPTIONS);
    expect(edited.deleteFlow(flow.id) && edited.deleteCampaign(campaign.id)).toBe(true);
    expect(edited.deleteFlowAction((pristine.flows.find((candidate) => candidate.id !== flow.id) as SimFlow).actionIds[0] as string)).toBe(true);

    const ofFlow = [...edited.events()].filter((event) => event.message?.flowId === flow.id);
    expect(ofFlow.length).toBeGreaterThan(20);
    expect(JSON.stringify([...edited.events()])).toBe(JSON.stringify([...pristine.events()]));
    for (const query of [{ flowId: flow.id }, { campaignId: campaign.id }]) {
      expect(edited.messageActivity(query)).toEqual(pristine.messageActivity(query));
      expect(JSON.stringify([...edited.attributedOrders(query)])).toBe(JSON.stringify([...pristine.attributedOrders(query)]));
    }
  });
});
