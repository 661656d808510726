import { describe, expect, it } from 'vitest';
import { createKlaviyoStore } from './create-klaviyo-store.js';
import type { KlaviyoStore, SimFlow, SimList, SimProfile, SimSegment } from './types.js';

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

// Deleting an audience reaches memberships and counts: each test edits a store of its own.
const AUDIENCE_OPTIONS = { seed: 25, size: 500, months: 3, ordersPerDay: 3, now: new Date('2026-11-01T00:00:00Z') };

/** A profile that belongs to list or segment `id` as of `now`. */
function memberOf(store: KlaviyoStore, id: string): SimProfile {
  for (const profile of store.profiles()) {
    const { listIds, segmentIds } = store.membershipsOf(profile);
    if (listIds.includes(id) || segmentIds.includes(id)) return profile;
  }
  throw new Error(`no member of ${id}`);
}

/** Every audience's member count, by id. */
const memberCounts = (store: KlaviyoStore) => new Map([...store.lists, ...store.segments].map((audience) => [audience.id, store.memberCount(audience.id)]));

describe('store edits of lists and segments', () => {
  it('deleteList removes the list from lists, memberships and member counts, and leaves what names it', () => {
    const store = createKlaviyoStore(AUDIENCE_OPTIONS);
    const newsletter = store.lists.find((list) => list.name === 'Newsletter') as SimList;
    const member = memberOf(store, newsletter.id);
    const memberships = store.membershipsOf(member);
    const counts = memberCounts(store); // counted before the delete, so a count cached then must not survive it
    expect(counts.get(newsletter.id)).toBeGreaterThan(0);
    const campaignsBefore = JSON.stringify(store.campaigns);
    const segmentsBefore = JSON.stringify(store.segments);
    expect(segmentsBefore).toContain(newsletter.id); // in the segments' definitions
    const welcome = store.flows.find((flow) => 'listId' in flow.trigger && flow.trigger.listId === newsletter.id);
    expect(welcome).toBeDefined();
    const otherLists = store.lists.filter((list) => list !== newsletter);

    expect(store.deleteList(newsletter.id)).toBe(true);
    expect(store.lists).toEqual(otherLists);
    expect(store.membershipsOf(member)).toEqual({ listIds: memberships.listIds.filter((id) => id !== newsletter.id), segmentIds: memberships.segmentIds });
    expect(store.memberCount(newsletter.id)).toBe(0);
    counts.delete(newsletter.id);
    expect(memberCounts(store)).toEqual(counts);
    // Klaviyo keeps a campaign's audiences as they were, and the segment definitions naming the list.
    expect(JSON.stringify(store.campaigns)).toBe(campaignsBefore);
    expect(store.campaigns.some((campaign) => campaign.audience.includes(newsletter.id))).toBe(true);
    expect(JSON.stringify(store.segments)).toBe(segmentsBefore);
    expect(store.flow(welcome?.id ?? '')).toBe(welcome);
    expect(store.deleteList(newsletter.id)).toBe(false);
    expect(store.deleteList(store.segments[0]?.id ?? '')).toBe(false);
  });

  it('deleteSegment removes the segment from segments, memberships and member counts', () => {
    const store = createKlaviyoStore(AUDIENCE_OPTIONS);
    const engaged = store.segments.find((segment) => segment.name.startsWith('Engaged')) as SimSegment;
    const member = memberOf(store, engaged.id);
    const memberships = store.membershipsOf(member);
    const counts = memberCounts(store);
    expect(counts.get(engaged.id)).toBeGreaterThan(0);
    const otherSegments = store.segments.filter((segment) => segment !== engaged);

    expect(store.deleteSegment(engaged.id)).toBe(true);
    expect(store.segments).toEqual(otherSegments);
    expect(store.membershipsOf(member)).toEqual({ listIds: memberships.listIds, segmentIds: memberships.segmentIds.filter((id) => id !== engaged.id) });
    expect(store.memberCount(engaged.id)).toBe(0);
    counts.delete(engaged.id);
    expect(memberCounts(store)).toEqual(counts);
    expect(store.campaigns.some((campaign) => campaign.audience.includes(engaged.id))).toBe(true);
    expect(store.deleteSegment(engaged.id)).toBe(false);
    expect(store.deleteSegment(store.lists[0]?.id ?? '')).toBe(false);
  });

  it('keeps the events and campaigns of a store whose lists and segments were deleted', () => {
    const pristine = createKlaviyoStore(AUDIENCE_OPTIONS);
    const edited = createKlaviyoStore(AUDIENCE_OPTIONS);
    // Deleted before any event or campaign is made, so all of them below are made after the edits.
    for (const list of pristine.lists) expect(edited.deleteList(list.id)).toBe(true);
    for (const segment of pristine.segments) expect(edited.deleteSegment(segment.id)).toBe(true);
    expect([edited.lists.length, edited.segments.length]).toEqual([0, 0]);

    expect(JSON.stringify(edited.campaigns)).toBe(JSON.stringify(pristine.campaigns));
    expect(JSON.stringify([...edited.events()])).toBe(JSON.stringify([...pristine.events()]));
  });
});
