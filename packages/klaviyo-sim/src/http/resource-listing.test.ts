import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../server/start-simulator.js';
import { apiGet, firstError, withFilter } from '../test-support/simulator-client.js';

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ seed: 12, ordersPerDay: 15, size: 1500 });
});
afterAll(() => sim.close());

/** Follows links.next and returns every resource, with the page count. */
async function collect(path: string): Promise<{ resources: any[]; pages: number }> {
  const resources: any[] = [];
  let pages = 0;
  for (let next: string | undefined = path; next !== undefined; pages += 1) {
    const response = await apiGet(sim, next);
    expect(response.status, JSON.stringify(response.body).slice(0, 300)).toBe(200);
    resources.push(...response.body.data);
    next = response.body.links.next;
  }
  return { resources, pages };
}

describe('GET /api/campaigns', () => {
  it('answers 400 without the required channel filter, as Klaviyo does', async () => {
    for (const path of ['/api/campaigns', withFilter('/api/campaigns', 'greater-than(updated_at,2026-01-01T00:00:00Z)'), withFilter('/api/campaigns', "equals(messages.channel,'fax')")]) {
      const response = await apiGet(sim, path);
      expect(response.status).toBe(400);
      expect(firstError(response)).toMatchObject({ code: 'invalid', source: { parameter: 'filter' } });
    }
  });

  it('lists each channel separately, pages by 100, and leaves archived campaigns out unless asked', async () => {
    const channel = (name: string, rest = '') => withFilter('/api/campaigns', `equals(messages.channel,'${name}')${rest}`);
    const email = await collect(channel('email'));
    const sms = await collect(channel('sms'));
    const archived = await collect(channel('email', ',equals(archived,true)'));
    const truth = (name: string, isArchived: boolean) => sim.store.campaigns.filter((campaign) => campaign.channel === name && campaign.archived === isArchived).map((campaign) => campaign.id);
    expect(email.resources.map((resource) => resource.id)).toEqual(truth('email', false));
    expect(email.pages).toBe(Math.ceil(truth('email', false).length / 100));
    expect(sms.resources.map((resource) => resource.id)).toEqual(truth('sms', false));
    expect(archived.resources.map((resource) => resource.id)).toEqual(truth('email', true));
    expect(archived.resources.length).toBeGreaterThan(0);
    expect((await collect(channel('mobile_push'))).resources).toEqual([]);
  });

  it('sorts, and treats greater-than as exclusive and greater-or-equal as inclusive', async () => {
    const all = (await collect(withFilter('/api/campaigns', "equals(messages.channel,'email')", 'sort=-updated_at'))).resources;
    const updated = all.map((resource) => Date.parse(resource.attributes.updated_at));
    expect(updated).toEqual([...updated].sort((a, b) => b - a));
    const pivot = all[10].attributes.updated_at as string;
    const bound = (operator: string) => withFilter('/api/campaigns', `and(equals(messages.channel,'email'),${operator}(updated_at,${pivot}))`);
    const after = (await collect(bound('greater-than'))).resources.map((resource) => resource.id);
    const atOrAfter = (await collect(bound('greater-or-equal'))).resources.map((resource) => resource.id);
    expect(after).not.toContain(all[10].id);
    expect(atOrAfter).toContain(all[10].id);
    expect(atOrAfter.length).toBe(after.length + all.filter((resource) => resource.attributes.updated_at === pivot).length);
  });

  it('rejects operators the spec does not list for a field', async () => {
    const response = await apiGet(sim, withFilter('/api/campaigns', "and(equals(messages.channel,'email'),equals(updated_at,2026-01-01T00:00:00Z))"));
    expect(response.status).toBe(400);
    expect(firstError(response).detail).toContain("'equals' is not a valid operator for the field 'updated_at'");
  });
});

describe('GET /api/profiles', () => {
  it('pages through every profile in signup order, 20 by default and at most 100', async () => {
    const first = await apiGet(sim, '/api/profiles');
    expect(first.body.data).toHaveLength(20);
    expect((await apiGet(sim, '/api/profiles?page[size]=101')).status).toBe(400);
    const { resources, pages } = await collect('/api/profiles?page[size]=100');
    expect(resources.length).toBe(sim.store.profileCount);
    expect(pages).toBe(Math.ceil(sim.store.profileCount / 100));
    const created = resources.map((resource) => Date.parse(resource.attributes.created));
    expect(created).toEqual([...created].sort((a, b) => a - b));
  });

  it('takes only strict bounds on created and updated, and applies them strictly', async () => {
    expect((await apiGet(sim, withFilter('/api/profiles', 'greater-or-equal(created,2026-01-01T00:00:00Z)'))).status).toBe(400);
    const some = (await apiGet(sim, '/api/profiles?page[size]=100')).body.data;
    const pivot = some[50].attributes.created as string;
    const after = (await collect(withFilter('/api/profiles', `greater-than(created,${pivot})`, 'page[size]=100'))).resources;
    expect(after.every((resource) => Date.parse(resource.attributes.created) > Date.parse(pivot))).toBe(true);
    expect(after.length).toBe(sim.store.profileCount - 51);
  });

  it('finds profiles by email and by suppression, and sorts by updated', async () => {
    const target = sim.store.profileAt(77)!;
    const byEmail = await apiGet(sim, withFilter('/api/profiles', `equals(email,"${target.email}")`));
    expect(byEmail.body.data.map((resource: any) => resource.id)).toEqual([target.id]);
    const unsubscribed = (await collect(withFilter('/api/profiles', "equals(subscriptions.email.marketing.suppression.reason,'UNSUBSCRIBE')", 'additional-fields[profile]=subscriptions', 'page[size]=100'))).resources;
    expect(unsubscribed.length).toBeGreaterThan(0);
    for (const resource of unsubscribed) expect(resource.attributes.subscriptions.email.marketing.consent).toBe('UNSUBSCRIBED');
    const sorted = (await apiGet(sim, '/api/profiles?sort=-updated&page[size]=50')).body.data.map((resource: any) => Date.parse(resource.attributes.updated));
    expect(sorted).toEqual([...sorted].sort((a, b) => b - a));
  });

  it('pages incrementally by updated, as connectors sync profiles', async () => {
    const since = '2026-05-01T00:00:00Z';
    const served = (await collect(withFilter('/api/profiles', `greater-than(updated,${since})`, 'sort=updated', 'page[size]=100'))).resources.map((resource) => resource.id);
    const truth = [...sim.store.profiles()]
      .filter((profile) => Date.parse(profile.updated) > Date.parse(since))
      .sort((a, b) => Date.parse(a.updated) - Date.parse(b.updated) || a.index - b.index)
      .map((profile) => profile.id);
    expect(truth.length).toBeGreaterThan(100);
    expect(served).toEqual(truth);
  });
});

describe('GET /api/lists and /api/segments', () => {
  it('page by 10 at most, filter created with greater-than only, and count members on request', async () => {
    expect((await apiGet(sim, '/api/lists?page[size]=11')).status).toBe(400);
    expect((await apiGet(sim, withFilter('/api/segments', 'less-than(created,2030-01-01T00:00:00Z)'))).status).toBe(400);
    const lists = (await apiGet(sim, '/api/lists?sort=name')).body.data;
    expect(lists.map((list: any) => list.attributes.name)).toEqual([...sim.store.lists].map((list) => list.name).sort());
    const newsletter = lists.find((list: any) => list.attributes.name === 'Newsletter');
    const counted = await apiGet(sim, `/api/lists/${newsletter.id}?additional-fields[list]=profile_count`);
    expect(counted.body.data.attributes.profile_count).toBe(sim.store.memberCount(newsletter.id));
    // Every profile that signed up with email consent (a share set by the store's traits).
    const consented = [...sim.store.profiles()].filter((profile) => profile.subscriptions.email.consent !== 'NEVER_SUBSCRIBED').length;
    expect(counted.body.data.attributes.profile_count).toBe(consented);
    expect(consented).toBeGreaterThan(0);
    const active = (await apiGet(sim, withFilter('/api/segments', 'equals(is_active,false)'))).body.data;
    expect(active.map((segment: any) => segment.attributes.is_active)).toEqual([false]);
  });
});

describe('GET /api/flows and their parts', () => {
  it('filters by trigger type, and lists actions and messages of a flow', async () => {
    const metricFlows = (await apiGet(sim, withFilter('/api/flows', "equals(trigger_type,'Metric')"))).body.data;
    expect(metricFlows.map((flow: any) => flow.attributes.name).sort()).toEqual(['Abandoned Cart', 'Browse Abandonment', 'Post-Purchase Thank You']);
    const welcome = sim.store.flows.find((flow) => flow.kind === 'welcome')!;
    const actions = (await apiGet(sim, `/api/flows/${welcome.id}/flow-actions`)).body.data;
    expect(actions.map((action: any) => action.attributes.definition.type)).toEqual(['send-email', 'time-delay', 'send-email', 'time-delay', 'send-email']);
    const sends = (await apiGet(sim, withFilter(`/api/flows/${welcome.id}/flow-actions`, "equals(action_type,'SEND_EMAIL')"))).body.data;
    expect(sends).toHaveLength(3);
    const messages = (await apiGet(sim, `/api/flow-actions/${sends[0].id}/flow-messages`)).body.data;
    expect(messages.map((message: any) => message.attributes.definition.subject_line)).toEqual(['Welcome! Here is 10% off your first order']);
    expect((await apiGet(sim, '/api/flows/nope00')).status).toBe(404);
  });
});

describe('determinism', () => {
  it('serves byte-identical bodies for the same seed', async () => {
    const twin = await startSimulator({ seed: 12, ordersPerDay: 15, size: 1500 });
    try {
      const campaign = sim.store.campaigns[3]!;
      for (const path of [withFilter('/api/campaigns', "equals(messages.channel,'email')"), `/api/campaigns/${campaign.id}/campaign-messages`, '/api/flows?include=flow-actions', '/api/profiles?additional-fields[profile]=subscriptions,predictive_analytics', '/api/segments']) {
        const [a, b] = await Promise.all([fetch(sim.url + path, { headers: headers(sim.apiKey) }), fetch(twin.url + path, { headers: headers(twin.apiKey) })]);
        const [textA, textB] = await Promise.all([a.text(), b.text()]);
        expect(textB.replaceAll(twin.url, '')).toBe(textA.replaceAll(sim.url, ''));
      }
    } finally {
      await twin.close();
    }
  });
});

const headers = (apiKey: string) => ({ Authorization: `Klaviyo-API-Key ${apiKey}`, revision: '2026-07-15' });
