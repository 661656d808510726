import type { ValidateFunction } from 'ajv';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startSimulator, type RunningSimulator } from '../server/start-simulator.js';
import { loadSpecValidators } from '../test-support/openapi-schemas.js';
import { apiGet, withFilter } from '../test-support/simulator-client.js';

// Whole-window generation takes seconds on a busy machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

let sim: RunningSimulator;
let spec: ReturnType<typeof loadSpecValidators>;
beforeAll(async () => {
  spec = loadSpecValidators();
  sim = await startSimulator({ seed: 8, ordersPerDay: 15, size: 3000 });
});
afterAll(() => sim.close());

function expectValid(validate: ValidateFunction, body: unknown): void {
  const valid = validate(body);
  expect(validate.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
}

describe('the validator itself', () => {
  it('accepts null only where the spec says nullable, and checks formats and required fields', () => {
    const account = spec.schema('AccountResponseObjectResource');
    const resource = {
      type: 'account',
      id: 'AbC123',
      attributes: {
        test_account: false,
        contact_information: { default_sender_name: 'A', default_sender_email: 'a@b.example', organization_name: 'A', street_address: {}, website_url: null },
        industry: null,
        timezone: 'UTC',
        preferred_currency: 'USD',
        public_api_key: 'AbC123',
        locale: 'en-US',
      },
      links: { self: 'https://a.klaviyo.com/api/accounts/AbC123/' },
    };
    expect(account(resource)).toBe(true);
    expect(account({ ...resource, attributes: { ...resource.attributes, timezone: null } })).toBe(false);
    expect(account({ ...resource, links: { self: 'not a uri' } })).toBe(false);
    expect(account({ ...resource, type: 'metric' })).toBe(false);
    const event = spec.schema('EventResponseObjectResource');
    expect(event({ type: 'event', id: 'x', attributes: { datetime: 'yesterday' }, links: { self: 'https://x.example/' } })).toBe(false);
  });
});

describe('responses match openapi-subset.json', () => {
  it('GET /api/accounts is a GetAccountResponseCollection', async () => {
    const response = await apiGet(sim, '/api/accounts');
    expect(response.status).toBe(200);
    expectValid(spec.schema('GetAccountResponseCollection'), response.body);
  });

  it('GET /api/metrics is a GetMetricResponseCollectionCompoundDocument', async () => {
    for (const path of ['/api/metrics', '/api/metrics?include=flow-triggers', withFilter('/api/metrics', 'equals(integration.name,"Shopify")')]) {
      const response = await apiGet(sim, path);
      expect(response.status).toBe(200);
      expectValid(spec.schema('GetMetricResponseCollectionCompoundDocument'), response.body);
    }
  });

  it('GET /api/events with include is a GetEventResponseCollectionCompoundDocument', async () => {
    const response = await apiGet(sim, '/api/events?page[size]=50&include=metric,profile,attributions');
    expect(response.status).toBe(200);
    expect(response.body.links.next).toBeDefined();
    expect(response.body.included.length).toBeGreaterThan(1);
    expectValid(spec.schema('GetEventResponseCollectionCompoundDocument'), response.body);
  });

  it('errors are ClientError bodies', async () => {
    const validate = spec.response('ClientError');
    const errors = [
      await apiGet(sim, '/api/events', { revision: '2026-07-15' }),
      await apiGet(sim, '/api/events', { revision: '2026-07-15', Authorization: 'Klaviyo-API-Key nope' }),
      await apiGet(sim, '/api/events', { Authorization: `Klaviyo-API-Key ${sim.apiKey}` }),
      await apiGet(sim, withFilter('/api/events', 'equals(nope,"x")')),
      await apiGet(sim, '/api/unknown'),
    ];
    expect(errors.map((response) => response.status)).toEqual([401, 401, 400, 400, 404]);
    for (const response of errors) expectValid(validate, response.body);
  });
});
