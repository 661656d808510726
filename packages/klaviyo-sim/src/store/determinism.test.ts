import { describe, expect, it, vi } from 'vitest';
import { createKlaviyoStore } from './create-klaviyo-store.js';
import { InvalidStoreOptionError } from './store-options.js';
import type { KlaviyoStore, SimEvent } from './types.js';

// Whole-window generation takes seconds on a busy machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

const firstEvents = (store: KlaviyoStore, count: number): SimEvent[] => {
  const events: SimEvent[] = [];
  for (const event of store.events()) {
    events.push(event);
    if (events.length === count) break;
  }
  return events;
};

describe('a store is a pure function of its options', () => {
  it('gives identical account, metrics and events for the same seed', () => {
    const a = createKlaviyoStore({ seed: 11, ordersPerDay: 15, size: 3000 });
    const b = createKlaviyoStore({ seed: 11, ordersPerDay: 15, size: 3000 });
    expect(b.account).toEqual(a.account);
    expect(b.metrics).toEqual(a.metrics);
    expect(JSON.stringify(firstEvents(b, 300))).toBe(JSON.stringify(firstEvents(a, 300)));
  });

  it('gives different account id, metric ids and events for different seeds', () => {
    const a = createKlaviyoStore({ seed: 1, ordersPerDay: 15, size: 3000 });
    const b = createKlaviyoStore({ seed: 2, ordersPerDay: 15, size: 3000 });
    expect(b.account.id).not.toBe(a.account.id);
    const idsOfA = new Set(a.metrics.map((metric) => metric.id));
    expect(b.metrics.filter((metric) => idsOfA.has(metric.id))).toEqual([]);
    const eventsOfA = firstEvents(a, 50);
    const eventsOfB = firstEvents(b, 50);
    expect(eventsOfB.map((event) => event.id)).not.toEqual(eventsOfA.map((event) => event.id));
    expect(eventsOfB.map((event) => event.datetime.getTime())).not.toEqual(eventsOfA.map((event) => event.datetime.getTime()));
  });

  it('makes each day the same whatever was generated before it', () => {
    const from = new Date('2026-03-07T00:00:00Z');
    const to = new Date('2026-03-10T00:00:00Z');
    const fresh = createKlaviyoStore({ seed: 5, ordersPerDay: 15, size: 3000 });
    const ascendingOnly = [...fresh.events({ from, to })];
    const busy = createKlaviyoStore({ seed: 5, ordersPerDay: 15, size: 3000 });
    const placedOrder = busy.metrics.find((metric) => metric.name === 'Placed Order')!.id;
    // Generate the whole window backwards first, then read the same days.
    expect([...busy.events({ metricId: placedOrder, order: 'desc' })].length).toBeGreaterThan(5000);
    const afterOthers = [...busy.events({ from, to, order: 'desc' })];
    expect(ascendingOnly.length).toBeGreaterThan(1000);
    expect(afterOthers.reverse()).toEqual(ascendingOnly);
  });
});

describe('a later "now"', () => {
  it('adds new days and leaves the days already served unchanged', () => {
    const earlier = createKlaviyoStore({ seed: 3, ordersPerDay: 10, now: new Date('2026-11-01T00:00:00Z') });
    const later = createKlaviyoStore({ seed: 3, ordersPerDay: 10, now: new Date('2026-11-20T15:30:00Z') });
    const placedOrder = earlier.metrics.find((metric) => metric.name === 'Placed Order')!.id;
    const shared = { metricId: placedOrder, from: later.start, to: earlier.now };
    const before = [...earlier.events(shared)];
    const after = [...later.events(shared)];
    expect(before.length).toBeGreaterThan(1000);
    expect(after).toEqual(before);
    const lastWeek = { from: new Date(earlier.now.getTime() - 7 * 86_400_000), to: earlier.now };
    expect([...later.events(lastWeek)]).toEqual([...earlier.events(lastWeek)]);
    expect(later.metrics).toEqual(earlier.metrics);
    expect([...later.events({ metricId: placedOrder, from: earlier.now })].length).toBeGreaterThan(100);
  });
});

describe('account, metrics and window', () => {
  const store = createKlaviyoStore({ seed: 3, ordersPerDay: 15, size: 3000 });

  it('has a Klaviyo-shaped account', () => {
    expect(store.account.id).toMatch(/^[A-Za-z0-9]{6}$/);
    expect(store.account).toMatchObject({ timezone: 'America/New_York', preferred_currency: 'USD', test_account: false, locale: 'en-US' });
    expect(store.account.public_api_key).toBe(store.account.id);
  });

  it('has the ecommerce and email metrics with their integrations, created before the window', () => {
    const byName = new Map(store.metrics.map((metric) => [metric.name, metric]));
    for (const name of ['Placed Order', 'Ordered Product', 'Started Checkout', 'Viewed Product', 'Active on Site']) {
      expect(byName.get(name)?.integration).toMatchObject({ object: 'integration', name: 'Shopify', category: 'eCommerce' });
    }
    for (const name of ['Received Email', 'Opened Email', 'Clicked Email', 'Bounced Email', 'Unsubscribed from Email Marketing']) {
      expect(byName.get(name)?.integration).toMatchObject({ object: 'integration', name: 'Klaviyo', category: 'Email' });
    }
    expect(new Set(store.metrics.map((metric) => metric.id)).size).toBe(store.metrics.length);
    for (const metric of store.metrics) {
      expect(metric.id).toMatch(/^[A-Za-z0-9]{6}$/);
      expect(new Date(metric.created).getTime()).toBeLessThanOrEqual(new Date(metric.updated).getTime());
      expect(new Date(metric.updated).getTime()).toBeLessThan(store.start.getTime());
    }
  });

  it('starts at local midnight 13 months before now', () => {
    // now 2026-11-01T00:00Z is 2026-10-31 in New York; 13 months earlier is 2025-09-30, EDT.
    expect(store.start.toISOString()).toBe('2025-09-30T04:00:00.000Z');
    expect(store.now.toISOString()).toBe('2026-11-01T00:00:00.000Z');
    const short = createKlaviyoStore({ months: 1, now: new Date('2026-03-31T12:00:00Z'), timezone: 'Europe/Berlin' });
    expect(short.start.toISOString()).toBe('2026-02-27T23:00:00.000Z');
  });

  it('rejects options it cannot use, naming them', () => {
    expect(() => createKlaviyoStore({ timezone: 'Mars/Olympus' })).toThrow(InvalidStoreOptionError);
    expect(() => createKlaviyoStore({ seed: 1.5 })).toThrow(/seed/);
    expect(() => createKlaviyoStore({ months: 0 })).toThrow(/months/);
    expect(() => createKlaviyoStore({ now: new Date('nope') })).toThrow(/now/);
  });
});
