import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startSimulator, type RunningSimulator } from '../server/start-simulator.js';
import type { SimEvent } from '../store/types.js';
import { apiGet, withFilter } from '../test-support/simulator-client.js';

// Whole-window generation takes seconds on a busy machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

let sim: RunningSimulator;
let placedOrderId: string;
beforeAll(async () => {
  sim = await startSimulator({ seed: 33, ordersPerDay: 15, size: 3000 });
  placedOrderId = sim.store.metrics.find((metric) => metric.name === 'Placed Order')!.id;
});
afterAll(() => sim.close());

/** Follows links.next from `path` and returns every event resource, with the number of pages. */
async function collect(path: string): Promise<{ ids: string[]; pages: number; resources: any[] }> {
  const resources: any[] = [];
  let pages = 0;
  let next: string | undefined = path;
  while (next !== undefined) {
    const response = await apiGet(sim, next);
    expect(response.status).toBe(200);
    resources.push(...response.body.data);
    pages += 1;
    next = response.body.links.next;
    if (next !== undefined) expect(next.startsWith(`${sim.url}/api/events?`)).toBe(true);
  }
  return { ids: resources.map((resource) => resource.id), pages, resources };
}

const ids = (events: Iterable<SimEvent>) => [...events].map((event) => event.id);
/** The first `count` events, without listing the rest. */
const firstOf = (events: Iterable<SimEvent>, count: number): SimEvent[] => {
  const taken: SimEvent[] = [];
  for (const event of events) {
    if (taken.length === count) break;
    taken.push(event);
  }
  return taken;
};

describe('GET /api/events paging', () => {
  it('serves exactly the ground truth, in order, across pages of 1000', async () => {
    const filter = `and(equals(metric_id,"${placedOrderId}"),greater-or-equal(datetime,2026-01-01T00:00:00Z),less-than(datetime,2026-06-01T00:00:00Z))`;
    const { ids: served, pages } = await collect(withFilter('/api/events', filter, 'page[size]=1000'));
    const truth = ids(sim.store.events({ metricId: placedOrderId, from: new Date('2026-01-01T00:00:00Z'), to: new Date('2026-06-01T00:00:00Z') }));
    expect(truth.length).toBeGreaterThan(2000);
    expect(pages).toBe(Math.ceil(truth.length / 1000));
    expect(new Set(served).size).toBe(served.length);
    expect(served).toEqual(truth);
  });

  it('sorts descending with -datetime and -timestamp, and accepts implicit AND by commas', async () => {
    const filter = `equals(metric_id,'${placedOrderId}'),greater-or-equal(timestamp,1772323200),less-than(timestamp,1772755200)`;
    const truth = ids(sim.store.events({ metricId: placedOrderId, from: new Date(1772323200_000), to: new Date(1772755200_000), order: 'desc' }));
    expect(truth.length).toBeGreaterThan(50);
    for (const sort of ['-datetime', '-timestamp']) {
      expect((await collect(withFilter('/api/events', filter, `sort=${sort}`, 'page[size]=17'))).ids).toEqual(truth);
    }
  });

  it('defaults to 200 per page, ascending', async () => {
    const response = await apiGet(sim, '/api/events');
    expect(response.body.data).toHaveLength(200);
    expect(response.body.data.map((resource: any) => resource.id)).toEqual(ids(firstOf(sim.store.events(), 200)));
    expect(response.body.links.self).toBe(`${sim.url}/api/events`);
  });

  it('ends with no links.next on the last page', async () => {
    const response = await apiGet(sim, withFilter('/api/events', 'greater-or-equal(datetime,2026-10-31T23:00:00Z)'));
    expect(response.body.data.length).toBeLessThan(200);
    expect(response.body.links.next).toBeUndefined();
  });
});

describe('datetime and timestamp bounds', () => {
  let pivot: SimEvent;
  let atPivot: string[];
  beforeAll(() => {
    const all = [...sim.store.events({ from: new Date('2026-04-10T00:00:00Z'), to: new Date('2026-04-11T00:00:00Z') })];
    pivot = all[7]!;
    atPivot = all.filter((event) => event.datetime.getTime() === pivot.datetime.getTime()).map((event) => event.id);
  });

  const servedIds = async (filter: string) => (await collect(withFilter('/api/events', filter, 'page[size]=1000'))).ids;

  it('treats greater-or-equal and less-or-equal as inclusive, in every datetime spelling', async () => {
    const iso = pivot.datetime.toISOString();
    const spellings = [iso, iso.replace('.000Z', 'Z'), iso.replace('.000Z', '+00:00'), iso.replace('.000Z', ''), iso.replace('Z', '+00:00')];
    for (const at of spellings) {
      expect(await servedIds(`and(greater-or-equal(datetime,${at}),less-or-equal(datetime,${at}))`)).toEqual(atPivot);
    }
    const seconds = pivot.datetime.getTime() / 1000;
    expect(await servedIds(`greater-or-equal(timestamp,${seconds}),less-or-equal(timestamp,${seconds})`)).toEqual(atPivot);
    // The same instant written in another zone: 2026-04-10T12:00:00Z is 08:00 in New York.
    const local = new Date(pivot.datetime.getTime() - 4 * 3_600_000).toISOString().replace('.000Z', '-04:00');
    expect(await servedIds(`greater-or-equal(datetime,${local}),less-or-equal(datetime,${local})`)).toEqual(atPivot);
  });

  it('treats greater-than and less-than as exclusive', async () => {
    const at = pivot.datetime.toISOString();
    const hourLater = new Date(pivot.datetime.getTime() + 3_600_000).toISOString();
    const after = await servedIds(`and(greater-than(datetime,${at}),less-than(datetime,${hourLater}))`);
    expect(after.some((id) => atPivot.includes(id))).toBe(false);
    expect(after).toEqual(ids(sim.store.events({ from: new Date(pivot.datetime.getTime() + 1), to: new Date(hourLater) })));
    expect(await servedIds(`and(greater-or-equal(datetime,${at}),less-than(datetime,${at}))`)).toEqual([]);
    const seconds = pivot.datetime.getTime() / 1000;
    expect(await servedIds(`greater-than(timestamp,${seconds}),less-or-equal(timestamp,${seconds})`)).toEqual([]);
    // A bound a millisecond past the event excludes it with greater-than, includes it with less-than.
    const justAfter = new Date(pivot.datetime.getTime() + 1).toISOString();
    expect(await servedIds(`greater-or-equal(datetime,${at}),less-than(datetime,${justAfter})`)).toEqual(atPivot);
  });

  it('reads an unencoded "+" offset that arrived as a space', async () => {
    const at = pivot.datetime.toISOString().replace('.000Z', '+00:00');
    const raw = `/api/events?filter=greater-or-equal(datetime,${at}),less-or-equal(datetime,${at})`;
    expect((await apiGet(sim, raw)).body.data.map((resource: any) => resource.id)).toEqual(atPivot);
  });
});

describe('event resources', () => {
  it('have Klaviyo attributes and relationships, and include=metric,profile fills included', async () => {
    const response = await apiGet(sim, withFilter('/api/events', `equals(metric_id,"${placedOrderId}")`, 'page[size]=25', 'include=metric,profile'));
    const [first] = response.body.data;
    const truth = firstOf(sim.store.events({ metricId: placedOrderId }), 1)[0]!;
    expect(first).toMatchObject({
      type: 'event',
      id: truth.id,
      attributes: {
        timestamp: truth.datetime.getTime() / 1000,
        datetime: truth.datetime.toISOString().replace('.000Z', '+00:00'),
        uuid: truth.uuid,
        event_properties: { $value: truth.value, OrderId: truth.properties.OrderId },
      },
      relationships: {
        metric: { data: { type: 'metric', id: placedOrderId } },
        profile: { data: { type: 'profile', id: truth.profileId } },
        attributions: { data: [] },
      },
      links: { self: `${sim.url}/api/events/${truth.id}/` },
    });
    const included = response.body.included as any[];
    const metrics = included.filter((resource) => resource.type === 'metric');
    expect(metrics).toHaveLength(1);
    expect(metrics[0]).toMatchObject({ id: placedOrderId, attributes: { name: 'Placed Order' } });
    const profileIds = new Set(included.filter((resource) => resource.type === 'profile').map((resource) => resource.id));
    expect(profileIds).toEqual(new Set(response.body.data.map((event: any) => event.relationships.profile.data.id)));
  });

  it('omits included without include, and narrows attributes with sparse fieldsets', async () => {
    const plain = await apiGet(sim, '/api/events?page[size]=3');
    expect(plain.body.included).toBeUndefined();
    const sparse = await apiGet(sim, withFilter('/api/events', `equals(metric_id,"${placedOrderId}")`, 'page[size]=3', 'fields[event]=datetime,uuid', 'include=metric', 'fields[metric]=name'));
    expect(Object.keys(sparse.body.data[0].attributes).sort()).toEqual(['datetime', 'uuid']);
    expect(sparse.body.included[0].attributes).toEqual({ name: 'Placed Order' });
  });

  it('sends rate-limit headers from the steady limit', async () => {
    const response = await apiGet(sim, '/api/events?page[size]=1');
    expect(response.headers.get('ratelimit-limit')).toBe('3500');
    expect(Number(response.headers.get('ratelimit-remaining'))).toBeLessThan(3500);
    expect(Number(response.headers.get('ratelimit-reset'))).toBeGreaterThan(0);
  });
});
