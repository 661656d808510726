import { connect } from 'node:net';
import { describe, expect, it, vi } from 'vitest';
import { startSimulator } from '../server/start-simulator.js';
import { createKlaviyoStore } from '../store/create-klaviyo-store.js';
import { apiGet, clientHeaders, withFilter } from '../test-support/simulator-client.js';
import { createSimulatorApp } from './create-simulator-app.js';

// Whole-window generation takes seconds on a busy machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

const headers = { Authorization: 'Klaviyo-API-Key pk_test', revision: '2026-07-15' };

describe('createSimulatorApp', () => {
  it('gives byte-identical responses for the same seed', async () => {
    const bodies = await Promise.all(
      [1, 1, 2].map(async (seed) => {
        const app = createSimulatorApp(createKlaviyoStore({ seed, ordersPerDay: 15, size: 3000 }), { apiKey: 'pk_test' });
        const texts = [];
        for (const path of ['/api/accounts', '/api/metrics', '/api/events?include=metric,profile', '/api/events?sort=oops']) {
          texts.push(await (await app.request(`http://sim.test${path}`, { headers })).text());
        }
        return texts.join('\n');
      }),
    );
    expect(bodies[1]).toBe(bodies[0]);
    expect(bodies[2]).not.toBe(bodies[0]);
  });

  it('builds absolute links on publicBaseUrl when given', async () => {
    const app = createSimulatorApp(createKlaviyoStore({ ordersPerDay: 15, size: 3000 }), { apiKey: 'pk_test', publicBaseUrl: 'https://klaviyo.proxy.example/' });
    const body = (await (await app.request('http://127.0.0.1:9/api/events?page[size]=2', { headers })).json()) as any;
    expect(body.links.self).toBe('https://klaviyo.proxy.example/api/events?page%5Bsize%5D=2');
    expect(body.links.next).toMatch(/^https:\/\/klaviyo\.proxy\.example\/api\/events\?page%5Bsize%5D=2&page%5Bcursor%5D=[A-Za-z0-9_-]+$/);
    expect(body.data[0].links.self.startsWith('https://klaviyo.proxy.example/api/events/')).toBe(true);
  });

  it('accepts a trailing slash, as Klaviyo links use one', async () => {
    const app = createSimulatorApp(createKlaviyoStore({ ordersPerDay: 15, size: 3000 }), { apiKey: 'pk_test' });
    expect((await app.request('http://sim.test/api/metrics/', { headers })).status).toBe(200);
  });
});

describe('GET /api/accounts and /api/metrics', () => {
  it('serve the account with sparse fieldsets, and metrics filtered by integration', async () => {
    const sim = await startSimulator({ seed: 12, ordersPerDay: 15, size: 3000 });
    try {
      const accounts = await apiGet(sim, '/api/accounts?fields[account]=timezone,contact_information.street_address.city');
      expect(accounts.headers.get('ratelimit-limit')).toBe('15');
      expect(accounts.body.data).toHaveLength(1);
      expect(accounts.body.data[0]).toMatchObject({ type: 'account', id: sim.store.account.id });
      expect(accounts.body.data[0].attributes).toEqual({
        timezone: 'America/New_York',
        contact_information: { street_address: { city: sim.store.account.contact_information.street_address.city } },
      });

      const all = await apiGet(sim, '/api/metrics');
      expect(all.body.data.map((metric: any) => metric.id)).toEqual(sim.store.metrics.map((metric) => metric.id));
      expect(all.body.links.next).toBeUndefined();
      const email = await apiGet(sim, withFilter('/api/metrics', "equals(integration.category,'Email')"));
      expect(email.body.data.map((metric: any) => metric.attributes.name)).toEqual([
        'Received Email', 'Opened Email', 'Clicked Email', 'Bounced Email', 'Unsubscribed from Email Marketing',
      ]);
      const none = await apiGet(sim, withFilter('/api/metrics', 'and(equals(integration.name,"Shopify"),equals(integration.category,"Email"))'));
      expect(none.body.data).toEqual([]);
      const names = await apiGet(sim, '/api/metrics?fields[metric]=name');
      expect(names.body.data[0].attributes).toEqual({ name: sim.store.metrics[0]!.name });
    } finally {
      await sim.close();
    }
  });
});

describe('startSimulator', () => {
  it('derives a stable default key from the seed', async () => {
    const sim = await startSimulator({ seed: 5, ordersPerDay: 15, size: 3000 });
    const again = await startSimulator({ seed: 5, ordersPerDay: 15, size: 3000 });
    const other = await startSimulator({ seed: 6, ordersPerDay: 15, size: 3000 });
    try {
      expect(sim.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(sim.apiKey).toMatch(/^pk_sim_[0-9a-f]{32}$/);
      expect(again.apiKey).toBe(sim.apiKey);
      expect(other.apiKey).not.toBe(sim.apiKey);
    } finally {
      await Promise.all([sim.close(), again.close(), other.close()]);
    }
  });

  it('closes promptly while connections are open, idle or mid-request', async () => {
    const sim = await startSimulator({ seed: 5, ordersPerDay: 15, size: 3000 });
    // fetch keeps this connection alive after the response.
    expect((await fetch(`${sim.url}/api/accounts`, { headers: clientHeaders(sim) })).status).toBe(200);
    // A request whose headers never finish keeps its connection busy: server.close() alone waits for it.
    const { port } = new URL(sim.url);
    const socket = connect(Number(port), '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write('GET /api/accounts HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    const socketClosed = new Promise((resolve) => socket.once('close', resolve));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = performance.now();
    await sim.close();
    await socketClosed;
    expect(performance.now() - started).toBeLessThan(2000);
    await expect(fetch(`${sim.url}/api/accounts`, { headers: clientHeaders(sim) })).rejects.toThrow();
  });
});
