import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createKlaviyoStore } from './create-klaviyo-store.js';
import type { KlaviyoStore, SimEvent } from './types.js';

// Whole-window generation takes seconds on a busy machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

const DAY = 86_400_000;
let store: KlaviyoStore;
let metricId: (name: string) => string;
let orders: SimEvent[];

beforeAll(() => {
  store = createKlaviyoStore({ seed: 17, size: 10_000 });
  metricId = (name) => store.metrics.find((metric) => metric.name === name)!.id;
  orders = [...store.events({ metricId: metricId('Placed Order') })];
});

describe('resources agree with each other', () => {
  it('gives every event a profile that exists and signed up before it', () => {
    const events = [...store.events({ from: new Date('2026-02-01T00:00:00Z'), to: new Date('2026-02-15T00:00:00Z') })];
    expect(new Set(events.map((event) => event.metricId)).size).toBe(store.metrics.length);
    for (const event of events) {
      const profile = store.profile(event.profileId);
      expect(profile, event.id).toBeDefined();
      expect(Date.parse(profile!.created)).toBeLessThanOrEqual(event.datetime.getTime());
    }
  });

  it('attributes an order to a message only when its profile received that message before ordering', () => {
    const attributed = orders.filter((order) => store.attributionOf(order));
    expect(attributed.length).toBeGreaterThan(orders.length * 0.02);
    expect(attributed.length).toBeLessThan(orders.length * 0.6);
    const received = [metricId('Received Email'), metricId('Received SMS')];
    // Orders in the first week may come from sends before the window, which the store does not serve.
    const checkable = attributed.filter((order) => order.datetime.getTime() > store.start.getTime() + 8 * DAY);
    for (const order of checkable.slice(0, 300)) {
      const attribution = store.attributionOf(order)!;
      const from = new Date(order.datetime.getTime() - 7 * DAY);
      const receipts = [...store.events({ metricId: received, profileId: order.profileId, from, to: order.datetime })];
      expect(receipts.some((receipt) => receipt.message?.messageId === attribution.messageId), order.id).toBe(true);
      expect(order.properties.$attributed_message).toBe(attribution.messageId);
    }
    const campaignIds = new Set(store.campaigns.map((campaign) => campaign.id));
    const flowIds = new Set(store.flows.map((flow) => flow.id));
    for (const order of attributed) {
      const { campaignId, flowId } = store.attributionOf(order)!;
      expect(campaignId ? campaignIds.has(campaignId) : flowIds.has(flowId!)).toBe(true);
    }
  });

  it('has a funnel that narrows at every step, per campaign message', () => {
    const totals = new Map<string, { received: number; opensUnique: number; clicksUnique: number; conversions: number; channel: string }>();
    const from = new Date('2025-11-01T00:00:00Z');
    for (const row of store.messageActivity({ from })) {
      const campaign = row.campaignId === undefined ? undefined : store.campaign(row.campaignId);
      // Campaigns sent before `from` have their receipts outside the counted period.
      if (!campaign || Date.parse(campaign.send_time) < from.getTime()) continue;
      const total = totals.get(row.messageId) ?? { received: 0, opensUnique: 0, clicksUnique: 0, conversions: 0, channel: row.channel };
      total.received += row.received;
      total.opensUnique += row.opensUnique;
      total.clicksUnique += row.clicksUnique;
      total.conversions += row.conversions;
      totals.set(row.messageId, total);
    }
    expect(totals.size).toBeGreaterThan(40);
    for (const [id, total] of totals) {
      expect(total.received, id).toBeGreaterThan(0);
      expect(total.opensUnique, id).toBeLessThanOrEqual(total.received);
      expect(total.clicksUnique, id).toBeLessThanOrEqual(total.channel === 'sms' ? total.received : total.opensUnique);
      expect(total.conversions, id).toBeLessThanOrEqual(total.clicksUnique);
    }
    const all = [...totals.values()].filter((total) => total.channel === 'email');
    const sum = (key: 'received' | 'opensUnique' | 'clicksUnique') => all.reduce((acc, total) => acc + total[key], 0);
    // Open rates with Apple privacy opens land in the 35–65 % band accounts report; clicks a few percent.
    expect(sum('opensUnique') / sum('received')).toBeGreaterThan(0.35);
    expect(sum('opensUnique') / sum('received')).toBeLessThan(0.65);
    expect(sum('clicksUnique') / sum('received')).toBeGreaterThan(0.01);
    expect(sum('clicksUnique') / sum('received')).toBeLessThan(0.08);
  });

  it('sends no email after an unsubscribe or a hard bounce, and flags machine opens of Apple Mail readers only', () => {
    const ended = new Map<string, number>();
    const window = { from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-06-01T00:00:00Z') };
    for (const event of store.events({ ...window, metricId: [metricId('Unsubscribed from Email Marketing'), metricId('Bounced Email')] })) {
      ended.set(event.profileId, Math.min(ended.get(event.profileId) ?? Infinity, event.datetime.getTime()));
    }
    expect(ended.size).toBeGreaterThan(5);
    for (const event of store.events({ ...window, metricId: metricId('Received Email') })) {
      const end = ended.get(event.profileId);
      if (end !== undefined) expect(event.datetime.getTime(), event.id).toBeLessThan(end);
    }
    let machine = 0;
    for (const event of store.events({ ...window, metricId: metricId('Opened Email') })) {
      if (event.properties['Apple Privacy Open'] !== true) continue;
      machine += 1;
      expect(store.profile(event.profileId)!.subscriptions.email.appleMailPrivacy).toBe(true);
    }
    expect(machine).toBeGreaterThan(100);
  });
});

describe('customers repeat and churn', () => {
  it('brings a share of first-time buyers back within 90 days, less so for later orders of a cohort', () => {
    const byProfile = new Map<string, number[]>();
    for (const order of orders) byProfile.set(order.profileId, [...(byProfile.get(order.profileId) ?? []), order.datetime.getTime()]);
    const firstHalf = store.start.getTime() + 180 * DAY;
    const firsts = [...byProfile.values()].filter((times) => times[0]! < firstHalf);
    const repeat = firsts.filter((times) => times.length > 1 && times[1]! - times[0]! <= 90 * DAY).length / firsts.length;
    expect(repeat).toBeGreaterThan(0.08);
    expect(repeat).toBeLessThan(0.6);
  });

  it('has cohort retention curves that fall with months since signup', () => {
    // Profiles who signed up in the window's first two months, and the share of them ordering in each later month.
    const cohortEnd = store.start.getTime() + 60 * DAY;
    const signup = new Map<string, number>();
    for (const profile of store.profiles()) {
      const created = Date.parse(profile.created);
      if (created >= store.start.getTime() && created < cohortEnd) signup.set(profile.id, created);
    }
    const active = Array.from({ length: 9 }, () => new Set<string>());
    for (const order of orders) {
      const created = signup.get(order.profileId);
      if (created === undefined) continue;
      const month = Math.floor((order.datetime.getTime() - created) / (30 * DAY));
      if (month < active.length) active[month]!.add(order.profileId);
    }
    const share = active.map((buyers) => buyers.size / signup.size);
    expect(signup.size).toBeGreaterThan(100);
    expect(share[0]).toBeGreaterThan(share[2]!);
    expect(share[2]).toBeGreaterThan(share[8]!);
    expect(share[8]).toBeGreaterThan(0);
  });
});
