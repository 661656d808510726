import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createKlaviyoStore } from './create-klaviyo-store.js';
import { compareEventPositions } from './event-timeline.js';
import type { KlaviyoStore, SimEvent } from './types.js';

// Whole-window generation takes seconds on a busy machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

let store: KlaviyoStore;
let all: SimEvent[];
let placedOrderId: string;

beforeAll(() => {
  store = createKlaviyoStore({ seed: 9, ordersPerDay: 15, size: 3000 });
  placedOrderId = store.metrics.find((metric) => metric.name === 'Placed Order')!.id;
  all = [...store.events({ metricId: placedOrderId })];
});

describe('store.events', () => {
  it('lists every event once, strictly ordered by (datetime, id), inside [start, now)', () => {
    expect(all.length).toBeGreaterThan(5000);
    for (let i = 1; i < all.length; i += 1) expect(compareEventPositions(all[i - 1]!, all[i]!)).toBeLessThan(0);
    expect(new Set(all.map((event) => event.id)).size).toBe(all.length);
    expect(new Set(all.map((event) => event.uuid)).size).toBe(all.length);
    expect(all[0]!.datetime.getTime()).toBeGreaterThanOrEqual(store.start.getTime());
    expect(all.at(-1)!.datetime.getTime()).toBeLessThan(store.now.getTime());
  });

  it('describes each order in whole seconds with Placed Order properties', () => {
    for (const event of all.slice(0, 500)) {
      expect(event.datetime.getTime() % 1000).toBe(0);
      expect(event.metricId).toBe(placedOrderId);
      expect(event.value).toBe(Math.round(event.value * 100) / 100);
      expect(event.properties).toMatchObject({ $value: event.value, Currency: 'USD', ItemCount: (event.properties.ItemNames as string[]).length });
      expect(event.properties.$event_id).toBe(event.properties.OrderId);
      expect(event.uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(store.profile(event.profileId)?.id).toBe(event.profileId);
    }
    expect(new Set(all.map((event) => event.properties.OrderId)).size).toBe(all.length);
  });

  it('includes `from` and excludes `to`, to the millisecond', () => {
    const pivot = all[1234]!;
    const at = pivot.datetime;
    const sameSecond = all.filter((event) => event.datetime.getTime() === at.getTime());
    const placed = { metricId: placedOrderId };
    expect([...store.events({ ...placed, from: at, to: new Date(at.getTime() + 1) })]).toEqual(sameSecond);
    expect([...store.events({ ...placed, to: at })].at(-1)!.datetime.getTime()).toBeLessThan(at.getTime());
    expect([...store.events({ ...placed, from: new Date(at.getTime() + 1) })][0]!.datetime.getTime()).toBeGreaterThan(at.getTime());
  });

  it('lists descending as the exact reverse', () => {
    const from = new Date('2026-02-01T00:00:00Z');
    const to = new Date('2026-02-15T00:00:00Z');
    expect([...store.events({ from, to, order: 'desc' })]).toEqual([...store.events({ from, to })].reverse());
    expect([...store.events({ from, to })].length).toBeGreaterThan([...store.events({ metricId: placedOrderId, from, to })].length);
  });

  it('resumes strictly after a position, in either order', () => {
    const position = all[2000]!;
    expect([...store.events({ metricId: placedOrderId, after: position })]).toEqual(all.slice(2001));
    expect([...store.events({ metricId: placedOrderId, after: position, order: 'desc' })]).toEqual(all.slice(0, 2000).reverse());
  });

  it('narrows by metric and by profile', () => {
    expect([...store.events({ metricId: placedOrderId })].length).toBe(all.length);
    const receivedEmail = store.metrics.find((metric) => metric.name === 'Received Email')!;
    const received = [...store.events({ metricId: receivedEmail.id, to: new Date('2025-11-01T00:00:00Z') })];
    expect(received.length).toBeGreaterThan(1000);
    expect(received.every((event) => event.metricId === receivedEmail.id)).toBe(true);
    expect([...store.events({ metricId: 'nope00' })]).toEqual([]);
    expect([...store.events({ metricId: [] })]).toEqual([]);
    const buyer = all[100]!.profileId;
    const own = all.filter((event) => event.profileId === buyer);
    expect([...store.events({ metricId: placedOrderId, profileId: buyer })]).toEqual(own);
  });

  it('has repeat buyers', () => {
    const buyers = new Set(all.map((event) => event.profileId));
    expect(buyers.size).toBeLessThan(all.length * 0.85);
    expect(buyers.size).toBeGreaterThan(all.length * 0.2);
  });

  it('creates each buyer before their first order', () => {
    const firstOrder = new Map<string, number>();
    for (const event of all) if (!firstOrder.has(event.profileId)) firstOrder.set(event.profileId, event.datetime.getTime());
    for (const [id, first] of firstOrder) expect(new Date(store.profile(id)!.created).getTime()).toBeLessThan(first);
  });
});
