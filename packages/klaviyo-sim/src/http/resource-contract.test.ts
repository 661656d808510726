import type { ValidateFunction } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../server/start-simulator.js';
import { loadSpecValidators } from '../test-support/openapi-schemas.js';
import { apiGet, withFilter } from '../test-support/simulator-client.js';

let sim: RunningSimulator;
let spec: ReturnType<typeof loadSpecValidators>;
beforeAll(async () => {
  spec = loadSpecValidators();
  sim = await startSimulator({ seed: 8, ordersPerDay: 15, size: 2000 });
});
afterAll(() => sim.close());

function expectValid(validate: ValidateFunction, body: unknown, path: string): void {
  const valid = validate(body);
  expect(validate.errors ?? [], path).toEqual([]);
  expect(valid).toBe(true);
}

async function expectAll(schema: string, paths: readonly string[]): Promise<any[]> {
  const validate = spec.schema(schema);
  const bodies = [];
  for (const path of paths) {
    const response = await apiGet(sim, path);
    expect(response.status, `${path}: ${JSON.stringify(response.body).slice(0, 300)}`).toBe(200);
    expectValid(validate, response.body, path);
    bodies.push(response.body);
  }
  return bodies;
}

const email = (path: string, ...rest: string[]) => withFilter(path, "equals(messages.channel,'email')", ...rest);

describe('every resource endpoint answers as openapi-subset.json says', () => {
  it('campaigns, one campaign, its messages and their ids', async () => {
    const [list] = await expectAll('GetCampaignResponseCollectionCompoundDocument', [
      email('/api/campaigns'),
      email('/api/campaigns', 'include=campaign-messages,tags', 'fields[campaign-message]=definition', 'sort=-updated_at'),
      withFilter('/api/campaigns', "and(equals(messages.channel,'sms'),greater-or-equal(updated_at,2026-01-01T00:00:00Z))", 'include=campaign-messages'),
      withFilter('/api/campaigns', "equals(messages.channel,'email'),equals(archived,true)"),
    ]);
    // Sparse fieldsets drop attributes the schema requires, so they are checked by shape instead.
    const sparse = await apiGet(sim, email('/api/campaigns', 'fields[campaign]=name,send_strategy.datetime'));
    expect(sparse.body.data[0].attributes).toEqual({ name: expect.any(String), send_strategy: { datetime: expect.any(String) } });
    const sms = (await apiGet(sim, withFilter('/api/campaigns', "equals(messages.channel,'sms')"))).body.data[0];
    for (const campaign of [list.data[0], sms]) {
      const id = campaign.id;
      await expectAll('GetCampaignResponseCompoundDocument', [`/api/campaigns/${id}`, `/api/campaigns/${id}?include=campaign-messages,tags`]);
      const [messages] = await expectAll('GetCampaignMessageResponseCollectionCompoundDocument', [`/api/campaigns/${id}/campaign-messages`, `/api/campaigns/${id}/campaign-messages?include=campaign`]);
      await expectAll('GetCampaignMessagesRelationshipsResponseCollection', [`/api/campaigns/${id}/relationships/campaign-messages`]);
      await expectAll('GetCampaignMessageResponseCompoundDocument', [`/api/campaign-messages/${messages.data[0].id}`, `/api/campaign-messages/${messages.data[0].id}?include=campaign`]);
    }
  });

  it('flows, their actions and messages', async () => {
    const [flows] = await expectAll('GetFlowResponseCollectionCompoundDocument', [
      '/api/flows',
      '/api/flows?include=flow-actions&sort=-created&page[size]=2',
      withFilter('/api/flows', "equals(trigger_type,'Metric')", 'fields[flow]=name,trigger_type'),
    ]);
    for (const flow of flows.data) {
      await expectAll('GetFlowV2ResponseCompoundDocument', [`/api/flows/${flow.id}`, `/api/flows/${flow.id}?include=flow-actions`]);
      const [actions] = await expectAll('GetFlowActionEncodedResponseCollection', [`/api/flows/${flow.id}/flow-actions`, withFilter(`/api/flows/${flow.id}/flow-actions`, "equals(action_type,'SEND_EMAIL')", 'sort=-created')]);
      await expectAll('GetFlowFlowActionRelationshipListResponseCollection', [`/api/flows/${flow.id}/relationships/flow-actions`]);
      for (const action of actions.data) {
        await expectAll('GetFlowActionEncodedResponseCompoundDocument', [`/api/flow-actions/${action.id}?include=flow,flow-messages`]);
        const [messages] = await expectAll('GetFlowMessageEncodedResponseCollection', [`/api/flow-actions/${action.id}/flow-messages`]);
        for (const message of messages.data) {
          await expectAll('GetFlowMessageEncodedResponseCompoundDocument', [`/api/flow-messages/${message.id}`, `/api/flow-messages/${message.id}?include=flow-action`]);
        }
      }
    }
  }, 30_000);

  it('profiles, with opt-in fields, filters and includes', async () => {
    const [first] = await expectAll('GetProfileResponsePluralConversationsCollectionCompoundDocument', [
      '/api/profiles',
      '/api/profiles?additional-fields[profile]=subscriptions,predictive_analytics&page[size]=100',
      withFilter('/api/profiles', 'greater-than(updated,2026-06-01T00:00:00Z)', 'sort=updated'),
      withFilter('/api/profiles', "equals(subscriptions.email.marketing.suppression.reason,'UNSUBSCRIBE')", 'additional-fields[profile]=subscriptions'),
      '/api/profiles?fields[profile]=email,location.city&include=push-tokens',
    ]);
    const id = first.data[3].id;
    await expectAll('GetProfileResponsePluralConversationsCompoundDocument', [
      `/api/profiles/${id}`,
      `/api/profiles/${id}?include=lists,segments&additional-fields[profile]=subscriptions,predictive_analytics`,
    ]);
  });

  it('lists and segments, with profile counts', async () => {
    const [lists] = await expectAll('GetListListResponseCollectionCompoundDocument', ['/api/lists', '/api/lists?include=flow-triggers&sort=name', withFilter('/api/lists', 'greater-than(created,2020-01-01T00:00:00Z)')]);
    const [segments] = await expectAll('GetSegmentListResponseCollectionCompoundDocument', ['/api/segments', withFilter('/api/segments', 'equals(is_active,true)', 'sort=-updated')]);
    await expectAll('GetListRetrieveResponseCompoundDocument', lists.data.map((list: any) => `/api/lists/${list.id}?additional-fields[list]=profile_count&include=flow-triggers`));
    await expectAll('GetSegmentRetrieveResponseCompoundDocument', segments.data.map((segment: any) => `/api/segments/${segment.id}?additional-fields[segment]=profile_count`));
  });

  it('events with attributions, one event and one metric', async () => {
    const metrics = (await apiGet(sim, '/api/metrics')).body.data as any[];
    const byName = new Map(metrics.map((metric) => [metric.attributes.name, metric.id]));
    const [orders] = await expectAll('GetEventResponseCollectionCompoundDocument', [
      withFilter('/api/events', `equals(metric_id,"${byName.get('Placed Order')}")`, 'include=attributions,metric,profile', 'page[size]=300'),
      withFilter('/api/events', `equals(metric_id,"${byName.get('Opened Email')}")`, 'include=profile'),
      withFilter('/api/events', `equals(metric_id,"${byName.get('Received SMS')}")`, 'include=metric'),
    ]);
    const attributed = orders.data.find((event: any) => event.relationships.attributions.data.length > 0);
    expect(attributed).toBeDefined();
    await expectAll('GetEventResponseCompoundDocument', [`/api/events/${attributed.id}?include=attributions,metric,profile`, `/api/events/${orders.data[0].id}`]);
    await expectAll('GetMetricResponseCompoundDocument', metrics.map((metric) => `/api/metrics/${metric.id}`));
  });
});
