import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../server/start-simulator.js';
import { createKlaviyoStore } from '../store/create-klaviyo-store.js';
import type { SimFlow } from '../store/types.js';
import { reportClient } from '../test-support/report-client.js';
import { apiGet, apiSend, firstError, flowStatusBody, withFilter } from '../test-support/simulator-client.js';

// The edits mutate this file's store; each test edits other flows and campaigns than the rest.
const OPTIONS = { seed: 22, size: 500, months: 3, ordersPerDay: 3, now: new Date('2026-11-01T00:00:00Z') };
const NOW_TEXT = '2026-11-01T00:00:00+00:00';

let sim: RunningSimulator;
let pristine: RunningSimulator;
beforeAll(async () => {
  // One base for links, so the two simulators' bodies compare equal.
  sim = await startSimulator({ ...OPTIONS, publicBaseUrl: 'https://a.klaviyo.com' });
  pristine = await startSimulator({ ...OPTIONS, publicBaseUrl: 'https://a.klaviyo.com' });
});
afterAll(async () => {
  await sim.close();
  await pristine.close();
});

const flowAt = (index: number) => pristine.store.flows[index] as SimFlow;
const ids = (body: { data: { id: string }[] }) => body.data.map((resource) => resource.id);
const updatedSince = withFilter('/api/flows', `greater-or-equal(updated,2026-11-01T00:00:00Z)`);

describe('PATCH /api/flows/{id}', () => {
  it('sets the status, moves updated to now and answers the flow as GET does', async () => {
    const flow = flowAt(0);
    expect(ids((await apiGet(sim, updatedSince)).body)).not.toContain(flow.id);

    const patched = await apiSend(sim, 'PATCH', `/api/flows/${flow.id}`, flowStatusBody(flow.id, 'draft'));
    expect(patched.status).toBe(200);
    expect(patched.body.data.attributes).toMatchObject({ status: 'draft', updated: NOW_TEXT, name: flow.name });
    const read = await apiGet(sim, `/api/flows/${flow.id}`);
    expect(read.body.data).toEqual(patched.body.data);
    expect(ids((await apiGet(sim, updatedSince)).body)).toContain(flow.id);
    expect(ids((await apiGet(sim, withFilter('/api/flows', "equals(status,'draft')"))).body)).toEqual([flow.id]);
    // Klaviyo sets the flow's actions along with it.
    const actions = (await apiGet(sim, `/api/flows/${flow.id}/flow-actions`)).body.data;
    const sends = actions.filter((action: any) => action.attributes.definition.type !== 'time-delay');
    expect(sends.map((action: any) => action.attributes.definition.data.status)).toEqual(sends.map(() => 'draft'));
  });

  it('takes fields[flow] and rejects other query parameters', async () => {
    const flow = flowAt(4);
    const sparse = await apiSend(sim, 'PATCH', `/api/flows/${flow.id}?fields[flow]=status`, flowStatusBody(flow.id, 'manual'));
    expect(sparse.status).toBe(200);
    expect(sparse.body.data.attributes).toEqual({ status: 'manual' });
    const unknown = await apiSend(sim, 'PATCH', `/api/flows/${flow.id}?include=flow-actions`, flowStatusBody(flow.id, 'live'));
    expect(unknown.status).toBe(400);
    expect(firstError(unknown).source).toEqual({ parameter: 'include' });
  });

  it('answers 400 naming what is wrong with a bad body, and changes nothing', async () => {
    const flow = flowAt(3);
    const cases: [unknown, string, RegExp][] = [
      ['{"data":', '/data', /not valid JSON/],
      [{ flow: { status: 'draft' } }, '/data', /'data' object/],
      [{ data: { type: 'campaign', id: flow.id, attributes: { status: 'draft' } } }, '/data/type', /must be 'flow'; got "campaign"/],
      [{ data: { type: 'flow', attributes: { status: 'draft' } } }, '/data/id', /must be the id in the path, '.+'; got null/],
      [flowStatusBody(flowAt(2).id, 'draft'), '/data/id', new RegExp(`got "${flowAt(2).id}"`)],
      [{ data: { type: 'flow', id: flow.id } }, '/data/attributes', /'data.attributes' must be an object/],
      [{ data: { type: 'flow', id: flow.id, attributes: {} } }, '/data/attributes/status', /'status' must be one of draft, manual, live; got null/],
      [flowStatusBody(flow.id, 'paused'), '/data/attributes/status', /got "paused"/],
      [{ data: { type: 'flow', id: flow.id, attributes: { status: 1 } } }, '/data/attributes/status', /got 1/],
    ];
    for (const [body, pointer, detail] of cases) {
      const response = await apiSend(sim, 'PATCH', `/api/flows/${flow.id}`, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(firstError(response)).toMatchObject({ status: 400, source: { pointer }, detail: expect.stringMatching(detail) });
    }
    expect((await apiGet(sim, `/api/flows/${flow.id}`)).body.data.attributes).toMatchObject({ status: 'live', updated: flow.updated });
  });
});

describe('DELETE', () => {
  it('a flow: 204, then it, its actions and its messages are gone', async () => {
    const flow = flowAt(1);
    const messageIds = flow.actionIds.flatMap((id) => pristine.store.flowAction(id)?.messageId ?? []);
    const deleted = await apiSend(sim, 'DELETE', `/api/flows/${flow.id}`);
    expect([deleted.status, deleted.text, deleted.headers.get('content-type')]).toEqual([204, '', null]);

    expect((await apiGet(sim, `/api/flows/${flow.id}`)).status).toBe(404);
    expect(ids((await apiGet(sim, '/api/flows')).body)).toEqual(pristine.store.flows.filter((other) => other.id !== flow.id).map((other) => other.id));
    expect((await apiGet(sim, `/api/flows/${flow.id}/flow-actions`)).status).toBe(404);
    for (const id of flow.actionIds) expect((await apiGet(sim, `/api/flow-actions/${id}`)).status).toBe(404);
    for (const id of messageIds) expect((await apiGet(sim, `/api/flow-messages/${id}`)).status).toBe(404);
    expect((await apiSend(sim, 'DELETE', `/api/flows/${flow.id}`)).status).toBe(404);
  });

  it("a flow action: 204, its flow's updated moves and its flow no longer lists it", async () => {
    const flow = flowAt(2);
    const action = flow.actionIds.map((id) => pristine.store.flowAction(id)).find((candidate) => candidate?.messageId !== undefined);
    if (!action?.messageId) throw new Error('every flow sends a message');
    expect((await apiGet(sim, `/api/flows/${flow.id}`)).body.data.attributes.updated).toBe(flow.updated);

    expect((await apiSend(sim, 'DELETE', `/api/flow-actions/${action.id}`)).status).toBe(204);
    const read = await apiGet(sim, `/api/flows/${flow.id}`);
    expect(read.body.data.attributes.updated).toBe(NOW_TEXT);
    expect(ids(read.body.data.relationships['flow-actions'])).not.toContain(action.id);
    const listed = ids((await apiGet(sim, `/api/flows/${flow.id}/flow-actions`)).body);
    expect(listed).toEqual(flow.actionIds.filter((id) => id !== action.id));
    expect(ids((await apiGet(sim, `/api/flows/${flow.id}/relationships/flow-actions`)).body)).toEqual(listed);
    expect((await apiGet(sim, `/api/flow-actions/${action.id}`)).status).toBe(404);
    expect((await apiGet(sim, `/api/flow-messages/${action.messageId}`)).status).toBe(404);
  });

  it('a campaign: 204, then it is gone from its channel listing and its message is gone', async () => {
    const emails = withFilter('/api/campaigns', "equals(messages.channel,'email')");
    const before = ids((await apiGet(sim, emails)).body);
    const campaign = sim.store.campaign(before[2] as string);
    if (!campaign) throw new Error('the listing serves store campaigns');

    expect((await apiSend(sim, 'DELETE', `/api/campaigns/${campaign.id}`)).status).toBe(204);
    expect(ids((await apiGet(sim, emails)).body)).toEqual(before.filter((id) => id !== campaign.id));
    expect((await apiGet(sim, `/api/campaigns/${campaign.id}`)).status).toBe(404);
    expect((await apiGet(sim, `/api/campaigns/${campaign.id}/campaign-messages`)).status).toBe(404);
    expect((await apiGet(sim, `/api/campaign-messages/${campaign.messageId}`)).status).toBe(404);
  });

  it('takes no query parameters', async () => {
    const campaign = sim.store.campaigns[0];
    const response = await apiSend(sim, 'DELETE', `/api/campaigns/${campaign?.id}?include=campaign-messages`);
    expect(response.status).toBe(400);
    expect(firstError(response)).toMatchObject({ source: { parameter: 'include' }, detail: expect.stringMatching(/takes none/) });
    expect(sim.store.campaign(campaign?.id ?? '')).toBeDefined();
  });
});

describe('DELETE of lists and segments', () => {
  // Their own simulators: deleting an audience changes profiles' memberships, which the tests above do not expect.
  const AUDIENCE_OPTIONS = { ...OPTIONS, seed: 25, publicBaseUrl: 'https://a.klaviyo.com' };
  let audienceSim: RunningSimulator;
  let unedited: RunningSimulator;
  beforeAll(async () => {
    audienceSim = await startSimulator(AUDIENCE_OPTIONS);
    unedited = await startSimulator(AUDIENCE_OPTIONS);
  });
  afterAll(async () => {
    await audienceSim.close();
    await unedited.close();
  });

  /** A profile that belongs to list or segment `id`, by the store. */
  const memberOf = (id: string) => {
    for (const profile of unedited.store.profiles()) {
      const { listIds, segmentIds } = unedited.store.membershipsOf(profile);
      if (listIds.includes(id) || segmentIds.includes(id)) return profile.id;
    }
    throw new Error(`no member of ${id}`);
  };
  /** The audience ids a profile with `include=lists` or `include=segments` names: in its relationship, and included. */
  const named = (body: any, relationship: 'lists' | 'segments') => [ids(body.data.relationships[relationship]), body.included.map((resource: any) => resource.id)];
  const without = (names: string[][], id: string) => names.map((some) => some.filter((other) => other !== id));

  it('a list: 204, then gone from its path, the listing and profiles, while its campaigns and flow stay', async () => {
    const newsletter = unedited.store.lists.find((list) => list.name === 'Newsletter');
    if (!newsletter) throw new Error('every account has a newsletter');
    const profilePath = `/api/profiles/${memberOf(newsletter.id)}?include=lists`;
    expect(named((await apiGet(audienceSim, profilePath)).body, 'lists')).toEqual([expect.arrayContaining([newsletter.id]), expect.arrayContaining([newsletter.id])]);
    const welcome = (await apiGet(audienceSim, `/api/lists/${newsletter.id}?include=flow-triggers`)).body.included[0].id as string;
    const campaign = unedited.store.campaigns.find((candidate) => candidate.audience.includes(newsletter.id));

    const deleted = await apiSend(audienceSim, 'DELETE', `/api/lists/${newsletter.id}`);
    expect([deleted.status, deleted.text, deleted.headers.get('content-type')]).toEqual([204, '', null]);
    expect((await apiGet(audienceSim, `/api/lists/${newsletter.id}`)).status).toBe(404);
    expect((await apiGet(audienceSim, `/api/lists/${newsletter.id}?additional-fields[list]=profile_count`)).status).toBe(404);
    expect(ids((await apiGet(audienceSim, '/api/lists')).body)).toEqual(ids((await apiGet(unedited, '/api/lists')).body).filter((id) => id !== newsletter.id));
    expect(named((await apiGet(audienceSim, profilePath)).body, 'lists')).toEqual(without(named((await apiGet(unedited, profilePath)).body, 'lists'), newsletter.id));
    // Klaviyo keeps a campaign's audiences as sent; the flow the list triggered stays.
    expect((await apiGet(audienceSim, `/api/campaigns/${campaign?.id}`)).body.data.attributes.audiences.included).toEqual([newsletter.id]);
    expect((await apiGet(audienceSim, `/api/flows/${welcome}`)).body).toEqual((await apiGet(unedited, `/api/flows/${welcome}`)).body);
    expect((await apiSend(audienceSim, 'DELETE', `/api/lists/${newsletter.id}`)).status).toBe(404);
  });

  it('a segment: 204, then gone from its path, the listing and profiles', async () => {
    const vip = unedited.store.segments.find((segment) => segment.name === 'VIP Customers');
    if (!vip) throw new Error('every account has a VIP segment');
    const profilePath = `/api/profiles/${memberOf(vip.id)}?include=segments`;
    expect(named((await apiGet(audienceSim, profilePath)).body, 'segments')).toEqual([expect.arrayContaining([vip.id]), expect.arrayContaining([vip.id])]);

    const deleted = await apiSend(audienceSim, 'DELETE', `/api/segments/${vip.id}`);
    expect([deleted.status, deleted.text, deleted.headers.get('content-type')]).toEqual([204, '', null]);
    expect((await apiGet(audienceSim, `/api/segments/${vip.id}`)).status).toBe(404);
    expect(ids((await apiGet(audienceSim, '/api/segments')).body)).toEqual(ids((await apiGet(unedited, '/api/segments')).body).filter((id) => id !== vip.id));
    expect(named((await apiGet(audienceSim, profilePath)).body, 'segments')).toEqual(without(named((await apiGet(unedited, profilePath)).body, 'segments'), vip.id));
    expect((await apiSend(audienceSim, 'DELETE', `/api/segments/${vip.id}`)).status).toBe(404);
  });

  it('take no query parameters', async () => {
    const requests: [string, string][] = [
      [`/api/lists/${unedited.store.lists[1]?.id}?include=flow-triggers`, 'include'],
      [`/api/segments/${unedited.store.segments[0]?.id}?fields[segment]=name`, 'fields[segment]'],
    ];
    for (const [path, parameter] of requests) {
      const response = await apiSend(audienceSim, 'DELETE', path);
      expect(response.status, path).toBe(400);
      expect(firstError(response)).toMatchObject({ source: { parameter }, detail: expect.stringMatching(/takes none/) });
    }
    expect(audienceSim.store.lists.map((list) => list.id)).toContain(unedited.store.lists[1]?.id);
    expect(audienceSim.store.segments.map((segment) => segment.id)).toContain(unedited.store.segments[0]?.id);
  });
});

describe('edits of what the account does not have, and other methods', () => {
  it('answer 404 for unknown ids, as the GET routes do', async () => {
    const requests: [string, string, unknown, string][] = [
      ['PATCH', '/api/flows/XXXXXX', flowStatusBody('XXXXXX', 'live'), 'A flow with id XXXXXX does not exist.'],
      ['DELETE', '/api/flows/XXXXXX', undefined, 'A flow with id XXXXXX does not exist.'],
      ['DELETE', '/api/flow-actions/123', undefined, 'A flow action with id 123 does not exist.'],
      ['DELETE', '/api/campaigns/01XXXXXXXXXXXXXXXXXXXXXXXX', undefined, 'A campaign with id 01XXXXXXXXXXXXXXXXXXXXXXXX does not exist.'],
      ['DELETE', '/api/lists/XXXXXX', undefined, 'A list with id XXXXXX does not exist.'],
      ['DELETE', '/api/segments/XXXXXX', undefined, 'A segment with id XXXXXX does not exist.'],
    ];
    for (const [method, path, body, detail] of requests) {
      const response = await apiSend(sim, method, path, body);
      expect(response.status, `${method} ${path}`).toBe(404);
      expect(firstError(response)).toMatchObject({ code: 'not_found', detail });
    }
  });

  it('answer 405 for methods the simulator still does not serve', async () => {
    const flow = pristine.store.flows[4] as SimFlow;
    const requests: [string, string][] = [
      ['PUT', `/api/flows/${flow.id}`],
      ['POST', `/api/flows/${flow.id}`],
      ['DELETE', '/api/flows'],
      ['PATCH', `/api/campaigns/${sim.store.campaigns[0]?.id}`],
      ['PATCH', `/api/flow-actions/${flow.actionIds[0]}`],
      ['DELETE', `/api/flow-messages/${pristine.store.flowAction(flow.actionIds[0] as string)?.messageId}`],
      ['DELETE', '/api/metrics'],
      ['DELETE', '/api/lists'],
      ['PATCH', `/api/lists/${sim.store.lists[0]?.id}`],
      ['PUT', `/api/segments/${sim.store.segments[0]?.id}`],
      ['DELETE', `/api/profiles/${sim.store.profileAt(0)?.id}`],
    ];
    for (const [method, path] of requests) {
      const response = await apiSend(sim, method, path);
      expect(response.status, `${method} ${path}`).toBe(405);
      expect(firstError(response).code).toBe('method_not_allowed');
    }
  });
});

describe('events of deleted flows and campaigns', () => {
  it('are served unchanged, attributions included', async () => {
    const events = [...pristine.store.events()];
    // The flow that drove an order (flow 1 is deleted above), and a campaign sent in the window.
    const flowId = events.find((event) => pristine.store.attributionOf(event)?.flowId !== undefined && event.message?.flowId !== flowAt(1).id)?.message?.flowId;
    const campaign = sim.store.campaign(events.findLast((event) => event.message?.campaignId !== undefined)?.message?.campaignId ?? '');
    const flowEvents = events.filter((event) => event.message?.flowId === flowId).slice(0, 4);
    const orders = events.filter((event) => pristine.store.attributionOf(event)?.flowId === flowId).slice(0, 2);
    const campaignEvents = events.filter((event) => event.message?.campaignId === campaign?.id).slice(0, 2);
    expect([flowEvents.length, orders.length, campaignEvents.length]).toEqual([4, 2, 2]);
    const paths = [...flowEvents, ...orders, ...campaignEvents].map((event) => `/api/events/${event.id}?include=attributions,metric`);
    const before = await Promise.all(paths.map(async (path) => (await apiGet(sim, path)).body));

    expect((await apiSend(sim, 'DELETE', `/api/flows/${flowId}`)).status).toBe(204);
    expect((await apiSend(sim, 'DELETE', `/api/campaigns/${campaign?.id}`)).status).toBe(204);
    const after = await Promise.all(paths.map(async (path) => (await apiGet(sim, path)).body));
    expect(after).toEqual(before);
    expect(after).toEqual(await Promise.all(paths.map(async (path) => (await apiGet(pristine, path)).body)));
    expect(after.slice(4, 6).map((body) => body.included.find((resource: any) => resource.type === 'attribution').relationships.flow.data.id)).toEqual([flowId, flowId]);
  });
});

describe('reports of deleted flows and campaigns', () => {
  it('keep their rows and counts, with null names', async () => {
    const store = createKlaviyoStore(OPTIONS);
    const { post } = reportClient(store);
    const placedOrder = store.metrics.find((metric) => metric.name === 'Placed Order')?.id;
    const report = async (type: 'flow' | 'campaign') => {
      const groupBy = type === 'flow' ? ['flow_id', 'flow_message_id', 'flow_name', 'flow_message_name'] : ['campaign_id', 'campaign_message_id', 'campaign_message_name'];
      const body = { data: { type: `${type}-values-report`, attributes: { statistics: ['recipients', 'conversions'], timeframe: { key: 'last_90_days' }, conversion_metric_id: placedOrder, group_by: groupBy } } };
      const schema = type === 'flow' ? 'PostFlowValuesResponseDTO' : 'PostCampaignValuesResponseDTO';
      return (await post(`/api/${type}-values-reports`, body, undefined, schema)).body.data.attributes.results as any[];
    };
    const [flows, campaigns] = [await report('flow'), await report('campaign')];
    const flowId = flows[0].groupings.flow_id as string;
    const campaignId = campaigns[0].groupings.campaign_id as string;
    expect(store.deleteFlow(flowId) && store.deleteCampaign(campaignId)).toBe(true);

    const nameless = (rows: any[], owner: string, id: string, names: string[]) =>
      rows.map((row) => (row.groupings[owner] === id ? { ...row, groupings: { ...row.groupings, ...Object.fromEntries(names.map((name) => [name, null])) } } : row));
    expect(await report('flow')).toEqual(nameless(flows, 'flow_id', flowId, ['flow_name', 'flow_message_name']));
    expect(await report('campaign')).toEqual(nameless(campaigns, 'campaign_id', campaignId, ['campaign_message_name']));
    expect(flows[0].groupings.flow_name).not.toBeNull();
  });
});
