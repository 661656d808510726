import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../server/start-simulator.js';
import type { SimFlow } from '../store/types.js';
import { EDITS_SPEC_PATH, loadSpecValidators } from '../test-support/openapi-schemas.js';
import { apiSend, flowStatusBody, type SentResponse } from '../test-support/simulator-client.js';

// The edits mutate this file's store.
const OPTIONS = { seed: 23, size: 500, months: 3, ordersPerDay: 3, now: new Date('2026-11-01T00:00:00Z') };

let sim: RunningSimulator;
let spec: ReturnType<typeof loadSpecValidators>;
beforeAll(async () => {
  spec = loadSpecValidators(EDITS_SPEC_PATH);
  sim = await startSimulator(OPTIONS);
});
afterAll(() => sim.close());

/** Checks a response against what the spec declares for its operation and status: media type and body. */
function expectAsDeclared(method: string, template: string, response: SentResponse): void {
  const declared = spec.operation(method, template).response(response.status);
  const where = `${method} ${template} ${response.status}: ${response.text.slice(0, 300)}`;
  expect(response.headers.get('content-type'), where).toBe(declared.contentType ?? null);
  if (!declared.validate) {
    expect(response.text, where).toBe('');
    return;
  }
  const valid = declared.validate(response.body);
  expect(declared.validate.errors ?? [], where).toEqual([]);
  expect(valid, where).toBe(true);
}

/** Sends a request, checks it answered `status` as the spec declares it, and returns it. */
async function expectExchange(method: string, template: string, path: string, status: number, body?: unknown): Promise<SentResponse> {
  const response = await apiSend(sim, method, path, body);
  expect(response.status, `${method} ${path}: ${response.text.slice(0, 300)}`).toBe(status);
  expectAsDeclared(method, template, response);
  return response;
}

describe('openapi-edits.json itself', () => {
  it('declares the six operations, and its request body schema rejects what it should', () => {
    const media = (method: string, path: string, status: number) => spec.operation(method, path).response(status).contentType;
    expect(media('PATCH', '/api/flows/{id}', 200)).toBe('application/vnd.api+json');
    for (const path of ['/api/flows/{id}', '/api/flow-actions/{id}', '/api/campaigns/{id}', '/api/lists/{id}', '/api/segments/{id}']) {
      expect([media('DELETE', path, 204), media('DELETE', path, 404), media('DELETE', path, 400)]).toEqual([undefined, 'application/vnd.api+json', 'application/vnd.api+json']);
      expect(() => media('DELETE', path, 200)).toThrow(/declares no response for 200/);
    }
    const body = spec.operation('PATCH', '/api/flows/{id}').requestBody();
    expect(body(flowStatusBody('XVTP5Q', 'live'))).toBe(true);
    expect(body({ data: { type: 'flow', attributes: { status: 'live' } } })).toBe(false);
    expect(body({ data: { type: 'campaign', id: 'XVTP5Q', attributes: { status: 'live' } } })).toBe(false);
    expect(body({ data: { type: 'flow', id: 'XVTP5Q', attributes: {} } })).toBe(false);
    expect(spec.operation('PATCH', '/api/flows/{id}').response(200).validate?.({ data: { type: 'flow', id: 'x', attributes: {} } })).toBe(false);
  });
});

describe('the edit operations answer as openapi-edits.json says', () => {
  it('PATCH /api/flows/{id}: 200 for every status, 400 for bad bodies and parameters, 404 for unknown flows', async () => {
    const flow = sim.store.flows[0] as SimFlow;
    const validBody = spec.operation('PATCH', '/api/flows/{id}').requestBody();
    for (const status of ['draft', 'manual', 'live']) {
      const body = flowStatusBody(flow.id, status);
      expect(validBody(body)).toBe(true);
      const response = await expectExchange('PATCH', '/api/flows/{id}', `/api/flows/${flow.id}`, 200, body);
      expect(response.body.data.attributes.status).toBe(status);
    }
    await expectExchange('PATCH', '/api/flows/{id}', `/api/flows/${flow.id}?fields[flow]=status,updated`, 200, flowStatusBody(flow.id, 'live'));
    await expectExchange('PATCH', '/api/flows/{id}', `/api/flows/${flow.id}`, 400, '{');
    await expectExchange('PATCH', '/api/flows/{id}', `/api/flows/${flow.id}`, 400, flowStatusBody(flow.id, 'paused'));
    await expectExchange('PATCH', '/api/flows/{id}', `/api/flows/${flow.id}`, 400, flowStatusBody('XVTP5Q', 'live'));
    await expectExchange('PATCH', '/api/flows/{id}', `/api/flows/${flow.id}?fields[flow]=definition`, 400, flowStatusBody(flow.id, 'live'));
    await expectExchange('PATCH', '/api/flows/{id}', '/api/flows/XVTP5Q', 404, flowStatusBody('XVTP5Q', 'live'));
  });

  it('DELETE /api/flow-actions/{id}, /api/flows/{id} and /api/campaigns/{id}: 204 and no body, then 404', async () => {
    const flow = sim.store.flows[1] as SimFlow;
    const action = flow.actionIds[0] as string;
    await expectExchange('DELETE', '/api/flow-actions/{id}', `/api/flow-actions/${action}`, 204);
    await expectExchange('DELETE', '/api/flow-actions/{id}', `/api/flow-actions/${action}`, 404);
    await expectExchange('DELETE', '/api/flows/{id}', `/api/flows/${flow.id}`, 204);
    await expectExchange('DELETE', '/api/flows/{id}', `/api/flows/${flow.id}`, 404);
    await expectExchange('DELETE', '/api/flow-actions/{id}', `/api/flow-actions/${flow.actionIds[1]}`, 404);
    const campaign = sim.store.campaigns[0]?.id;
    await expectExchange('DELETE', '/api/campaigns/{id}', `/api/campaigns/${campaign}?page[size]=1`, 400);
    await expectExchange('DELETE', '/api/campaigns/{id}', `/api/campaigns/${campaign}`, 204);
    await expectExchange('DELETE', '/api/campaigns/{id}', `/api/campaigns/${campaign}`, 404);
  });

  it('DELETE /api/lists/{id} and /api/segments/{id}: 400 for a parameter, 204 and no body, then 404', async () => {
    const exchanges: [string, string | undefined][] = [
      ['/api/lists/{id}', sim.store.lists[2]?.id],
      ['/api/segments/{id}', sim.store.segments[1]?.id],
    ];
    for (const [template, id] of exchanges) {
      const path = template.replace('{id}', id ?? '');
      await expectExchange('DELETE', template, `${path}?additional-fields[list]=profile_count`, 400);
      await expectExchange('DELETE', template, path, 204);
      await expectExchange('DELETE', template, path, 404);
    }
  });
});
