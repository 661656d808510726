import { describe, expect, it } from 'vitest';
import { readConfig } from './read-config.js';

describe('readConfig', () => {
  it("defaults to port 4010 on 127.0.0.1 with Klaviyo's rate limits, and leaves store defaults to the store", () => {
    expect(readConfig({})).toEqual({ ok: true, options: { port: 4010, host: '127.0.0.1', rateLimits: 'klaviyo' } });
  });

  it('reads every variable', () => {
    const result = readConfig({
      SEED: '42', PORT: '0', HOST: '0.0.0.0', SIZE: '250000', NOW: '2026-06-01T00:00:00Z', ORDERS_PER_DAY: '15.5', MONTHS: '3',
      TIMEZONE: 'Europe/Berlin', CURRENCY: 'EUR', API_KEY: 'pk_local', PUBLIC_BASE_URL: 'http://localhost:4010',
      RATE_LIMITS: 'off', FAULTS: 'slow:0.1:2s,server-errors:0.05', FAULT_SEED: '9',
    });
    expect(result).toEqual({
      ok: true,
      options: {
        seed: 42, port: 0, host: '0.0.0.0', size: 250_000, now: new Date('2026-06-01T00:00:00Z'), ordersPerDay: 15.5, months: 3,
        timezone: 'Europe/Berlin', currency: 'EUR', apiKey: 'pk_local', publicBaseUrl: 'http://localhost:4010',
        rateLimits: 'off', faultSeed: 9,
        faults: [
          { kind: 'server-errors', probability: 0.05, parameter: 3 },
          { kind: 'slow', probability: 0.1, parameter: 2000 },
        ],
      },
    });
  });

  it('treats empty values as unset', () => {
    expect(readConfig({ SEED: '', PORT: ' ', FAULTS: '' })).toEqual({ ok: true, options: { port: 4010, host: '127.0.0.1', rateLimits: 'klaviyo' } });
  });

  it('reports every bad value, naming the variable and what it expects', () => {
    const result = readConfig({
      SEED: 'one', PORT: '70000', NOW: 'tomorrow', ORDERS_PER_DAY: '-3', MONTHS: '0', TIMEZONE: 'Moon/Base',
      CURRENCY: 'dollars', API_KEY: 'has space', PUBLIC_BASE_URL: 'ftp://x', RATE_LIMITS: 'strict',
      FAULTS: 'slow:2,gremlins:0.1', FAULT_SEED: '1.5', SIZE: '50',
    });
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems).toHaveLength(13);
    const faults = problems.find((problem) => problem.startsWith('FAULTS must'));
    expect(faults).toMatch(/"slow" needs a probability.*"gremlins:0.1" does not start with a known fault kind/);
    for (const name of ['SEED', 'PORT', 'NOW', 'ORDERS_PER_DAY', 'MONTHS', 'TIMEZONE', 'CURRENCY', 'API_KEY', 'PUBLIC_BASE_URL', 'RATE_LIMITS', 'FAULTS', 'FAULT_SEED', 'SIZE']) {
      expect(problems.some((problem) => problem.startsWith(`${name} must`))).toBe(true);
    }
  });
});
