import type { ValidateFunction } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { createKlaviyoStore } from '../../store/create-klaviyo-store.js';
import { loadSpecValidators } from '../../test-support/openapi-schemas.js';
import { createSimulatorApp } from '../create-simulator-app.js';
import type { SimFlow } from '../../store/types.js';
import { flowStatusBody } from '../../test-support/simulator-client.js';
import type { FaultKind } from './fault-plan.js';

const headers = { Authorization: 'Klaviyo-API-Key pk_test', revision: '2026-07-15' };
const store = createKlaviyoStore({ seed: 3, ordersPerDay: 15 });
const clean = createSimulatorApp(store, { apiKey: 'pk_test' });
let validEvents: ValidateFunction;
let validClientError: ValidateFunction;
let validServerError: ValidateFunction;
let cursor: string;
beforeAll(async () => {
  const spec = loadSpecValidators();
  validEvents = spec.schema('GetEventResponseCollectionCompoundDocument');
  validClientError = spec.response('ClientError');
  validServerError = spec.response('ServerError');
  const first = (await (await clean.request('http://sim.test/api/events?page[size]=3', { headers })).json()) as any;
  cursor = new URL(first.links.next).searchParams.get('page[cursor]') as string;
});

interface Probe {
  status: number;
  text: string;
  slept: number[];
}

function faultyClient(plan: string, faultSeed: number): (path: string) => Promise<Probe> {
  const sleeps: number[] = [];
  const app = createSimulatorApp(store, { apiKey: 'pk_test', faults: plan, faultSeed, sleep: async (ms) => void sleeps.push(ms) });
  return async (path) => {
    const before = sleeps.length;
    const response = await app.request(`http://sim.test${path}`, { headers });
    return { status: response.status, text: await response.text(), slept: sleeps.slice(before) };
  };
}

const cleanText = async (path: string) => (await clean.request(`http://sim.test${path}`, { headers })).text();
const sizes = Array.from({ length: 24 }, (_, i) => i + 1);
const pathsFor = (kind: FaultKind) =>
  sizes.map((size) => `/api/events?page[size]=${size}${kind === 'expired-cursor' ? `&page[cursor]=${cursor}` : ''}`);

function brokenRecord(record: any): boolean {
  const attributes = record.attributes;
  return !('datetime' in attributes) || typeof attributes.event_properties.$value !== 'number' || Number.isNaN(Date.parse(attributes.datetime));
}

/** Whether a response shows the fault, checked against the unfaulted answer; throws on anything else. */
async function showsFault(kind: FaultKind, probe: Probe, path: string, expected: string): Promise<boolean> {
  if (probe.status === 200 && probe.text === expected && probe.slept.length === 0) return false;
  switch (kind) {
    case 'server-errors':
      expect([500, 502, 503, 504]).toContain(probe.status);
      expect(validServerError(JSON.parse(probe.text))).toBe(true);
      return true;
    case 'slow':
      expect([probe.status, probe.text, probe.slept]).toEqual([200, expected, [1500]]);
      return true;
    case 'timeout':
      expect([probe.status, probe.slept]).toEqual([504, [100_000]]);
      return true;
    case 'truncated':
      expect(probe.status).toBe(200);
      expect(expected.startsWith(probe.text) && probe.text.length < expected.length).toBe(true);
      expect(() => JSON.parse(probe.text)).toThrow();
      return true;
    case 'expired-cursor': {
      expect(probe.status).toBe(400);
      const body = JSON.parse(probe.text);
      expect(body.errors[0]).toMatchObject({ code: 'invalid', detail: 'Invalid cursor provided.' });
      expect(validClientError(body)).toBe(true);
      return true;
    }
    case 'malformed': {
      const got = JSON.parse(probe.text).data as any[];
      const want = JSON.parse(expected).data as any[];
      const differing = got.filter((record, i) => JSON.stringify(record) !== JSON.stringify(want[i]));
      expect(got).toHaveLength(want.length);
      expect(differing).toHaveLength(1);
      expect(brokenRecord(differing[0])).toBe(true);
      return true;
    }
    case 'duplicates': {
      const got = JSON.parse(probe.text);
      const want = JSON.parse(expected);
      const nextPage = JSON.parse(await cleanText(new URL(want.links.next).pathname + new URL(want.links.next).search));
      expect(got.data.slice(0, -1)).toEqual(want.data);
      expect(got.data.at(-1).id).toBe(nextPage.data[0].id);
      expect(new URL(path, 'http://x').searchParams.get('page[size]')).toBe(String(want.data.length));
      return true;
    }
  }
}

async function faultedIndexes(kind: FaultKind, plan: string, seed: number, expected: readonly string[]): Promise<number[]> {
  const get = faultyClient(plan, seed);
  const paths = pathsFor(kind);
  const hits: number[] = [];
  for (const [i, path] of paths.entries()) if (await showsFault(kind, await get(path), path, expected[i] as string)) hits.push(i);
  return hits;
}

const KINDS: readonly [FaultKind, string][] = [
  ['server-errors', 'server-errors:0.5:2'],
  ['slow', 'slow:0.5'],
  ['timeout', 'timeout:0.5'],
  ['truncated', 'truncated:0.5'],
  ['expired-cursor', 'expired-cursor:0.5'],
  ['malformed', 'malformed:0.5'],
  ['duplicates', 'duplicates:0.5'],
];

describe.each(KINDS)('the %s fault', (kind, plan) => {
  it('hits the same requests for a seed in every run, and other requests for another seed', async () => {
    const expected = await Promise.all(pathsFor(kind).map(cleanText));
    for (const text of expected) expect(validEvents(JSON.parse(text))).toBe(true);
    const first = await faultedIndexes(kind, plan, 11, expected);
    expect(first.length).toBeGreaterThan(0);
    expect(first.length).toBeLessThan(sizes.length);
    expect(await faultedIndexes(kind, plan, 11, expected)).toEqual(first);
    expect(await faultedIndexes(kind, plan, 12, expected)).not.toEqual(first);
  });

  it(kind === 'malformed' || kind === 'duplicates' ? 'comes back on a retry (it is data)' : 'lets a retry succeed', async () => {
    const get = faultyClient(plan, 11);
    const paths = pathsFor(kind);
    for (const path of paths) {
      const expected = await cleanText(path);
      const firstTry = await get(path);
      if (!(await showsFault(kind, firstTry, path, expected))) continue;
      let retry = await get(path);
      if (kind === 'malformed' || kind === 'duplicates') {
        expect(retry.text).toBe(firstTry.text);
        continue;
      }
      // A burst of server errors lasts at most its parameter (2) attempts.
      if (kind === 'server-errors' && retry.status !== 200) retry = await get(path);
      expect([retry.status, retry.text, retry.slept]).toEqual([200, expected, []]);
    }
  });
});

describe('fault plans', () => {
  it('leave requests that are not faulted byte-identical to a fault-free app', async () => {
    const get = faultyClient('server-errors:0.2,truncated:0.2', 4);
    let untouched = 0;
    for (const path of pathsFor('slow')) {
      const probe = await get(path);
      if (probe.status !== 200 || probe.text !== (await cleanText(path))) continue;
      untouched += 1;
      expect(validEvents(JSON.parse(probe.text))).toBe(true);
    }
    expect(untouched).toBeGreaterThan(5);
  });

  it('count attempts per POST body: a retried report gets through, and a report with another body starts faulted', async () => {
    const app = createSimulatorApp(store, { apiKey: 'pk_test', faults: 'server-errors:1:2', faultSeed: 5 });
    const placedOrder = store.metrics.find((metric) => metric.name === 'Placed Order')!;
    const body = (day: number) =>
      JSON.stringify({
        data: {
          type: 'metric-aggregate',
          attributes: { metric_id: placedOrder.id, measurements: ['count'], filter: [`greater-or-equal(datetime,2026-10-0${day}T00:00:00)`, `less-than(datetime,2026-10-0${day + 1}T00:00:00)`] },
        },
      });
    const post = (day: number) => app.request('http://sim.test/api/metric-aggregates', { method: 'POST', headers, body: body(day) });
    for (const day of [1, 2]) {
      const statuses = [];
      for (let attempt = 0; attempt < 3; attempt += 1) statuses.push((await post(day)).status);
      expect(statuses[0]).toBeGreaterThanOrEqual(500);
      expect(statuses.at(-1)).toBe(200);
    }
  });

  it('fault edits as any request: a failed attempt edits nothing, a PATCH body is part of the key, a cut leaves a 204 alone', async () => {
    const own = createKlaviyoStore({ seed: 24, size: 500, months: 3, ordersPerDay: 3 });
    const [first, second] = own.flows as [SimFlow, SimFlow];
    const flaky = createSimulatorApp(own, { apiKey: 'pk_test', faults: 'server-errors:1:1' });
    const send = (app: typeof flaky, method: string, path: string, body?: unknown) => app.request(`http://sim.test${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    expect((await send(flaky, 'DELETE', `/api/flows/${first.id}`)).status).toBeGreaterThanOrEqual(500);
    expect(own.flow(first.id)).toBeDefined();
    expect((await send(flaky, 'DELETE', `/api/flows/${first.id}`)).status).toBe(204);
    expect(own.flow(first.id)).toBeUndefined();
    for (const status of ['draft', 'manual']) {
      const statuses = [];
      for (let attempt = 0; attempt < 2; attempt += 1) statuses.push((await send(flaky, 'PATCH', `/api/flows/${second.id}`, flowStatusBody(second.id, status))).status);
      expect(statuses[0]).toBeGreaterThanOrEqual(500);
      expect([statuses[1], own.flow(second.id)?.status]).toEqual([200, status]);
    }
    const cut = createSimulatorApp(own, { apiKey: 'pk_test', faults: 'truncated:1' });
    const deleted = await send(cut, 'DELETE', `/api/campaigns/${own.campaigns[0]?.id}`);
    expect([deleted.status, await deleted.text()]).toEqual([204, '']);
    const patched = await send(cut, 'PATCH', `/api/flows/${second.id}`, flowStatusBody(second.id, 'live'));
    const text = await patched.text();
    expect(patched.status).toBe(200);
    expect(() => JSON.parse(text)).toThrow();
  });

  it('reject a bad plan when the app is created', () => {
    expect(() => createSimulatorApp(store, { apiKey: 'pk_test', faults: 'gremlins:0.1' })).toThrow(/gremlins/);
  });
});
