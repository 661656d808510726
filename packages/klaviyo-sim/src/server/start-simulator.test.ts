import { describe, expect, it } from 'vitest';
import { clientHeaders } from '../test-support/simulator-client.js';
import { startSimulator } from './start-simulator.js';

describe('startSimulator with rate limits and faults, over a real socket', () => {
  it("throttles with Klaviyo's limits on the injected clock", async () => {
    const sim = await startSimulator({ seed: 3, size: 200, rateLimits: 'klaviyo', clock: () => 1_800_000_000_000 });
    try {
      const statuses = [];
      for (let i = 0; i < 2; i += 1) statuses.push((await fetch(`${sim.url}/api/accounts`, { headers: clientHeaders(sim) })).status);
      expect(statuses).toEqual([200, 429]);
    } finally {
      await sim.close();
    }
  });

  it('hangs a timed-out request past the client timeout, then serves the retry', async () => {
    const sim = await startSimulator({ seed: 3, size: 200, faults: 'timeout:1:30s' });
    try {
      const started = Date.now();
      const hung = fetch(`${sim.url}/api/metrics`, { headers: clientHeaders(sim), signal: AbortSignal.timeout(300) });
      await expect(hung).rejects.toThrow(/abort|timeout/i);
      expect(Date.now() - started).toBeLessThan(5000);
      const retry = await fetch(`${sim.url}/api/metrics`, { headers: clientHeaders(sim) });
      expect(retry.status).toBe(200);
    } finally {
      await sim.close();
    }
  });
});
