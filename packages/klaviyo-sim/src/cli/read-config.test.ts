import { describe, expect, it } from 'vitest';
import { readConfig } from './read-config.js';

describe('readConfig', () => {
  it('defaults to port 4010 on 127.0.0.1 and leaves store defaults to the store', () => {
    expect(readConfig({})).toEqual({ ok: true, options: { port: 4010, host: '127.0.0.1' } });
  });

  it('reads every variable', () => {
    const result = readConfig({
      SEED: '42', PORT: '0', HOST: '0.0.0.0', NOW: '2026-06-01T00:00:00Z', ORDERS_PER_DAY: '15.5', MONTHS: '3',
      TIMEZONE: 'Europe/Berlin', CURRENCY: 'EUR', API_KEY: 'pk_local', PUBLIC_BASE_URL: 'http://localhost:4010',
    });
    expect(result).toEqual({
      ok: true,
      options: {
        seed: 42, port: 0, host: '0.0.0.0', now: new Date('2026-06-01T00:00:00Z'), ordersPerDay: 15.5, months: 3,
        timezone: 'Europe/Berlin', currency: 'EUR', apiKey: 'pk_local', publicBaseUrl: 'http://localhost:4010',
      },
    });
  });

  it('treats empty values as unset', () => {
    expect(readConfig({ SEED: '', PORT: ' ' })).toEqual({ ok: true, options: { port: 4010, host: '127.0.0.1' } });
  });

  it('reports every bad value, naming the variable and what it expects', () => {
    const result = readConfig({
      SEED: 'one', PORT: '70000', NOW: 'tomorrow', ORDERS_PER_DAY: '-3', MONTHS: '0', TIMEZONE: 'Moon/Base',
      CURRENCY: 'dollars', API_KEY: 'has space', PUBLIC_BASE_URL: 'ftp://x',
    });
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems).toHaveLength(9);
    for (const name of ['SEED', 'PORT', 'NOW', 'ORDERS_PER_DAY', 'MONTHS', 'TIMEZONE', 'CURRENCY', 'API_KEY', 'PUBLIC_BASE_URL']) {
      expect(problems.some((problem) => problem.startsWith(`${name} must`))).toBe(true);
    }
  });
});
