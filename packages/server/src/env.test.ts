import { describe, expect, it } from 'vitest';
import { readEnv, requireAuthSecret } from './env.js';

describe('readEnv', () => {
  it('defaults to an embedded database and port 3000', () => {
    const env = readEnv({});
    expect(env).toMatchObject({ port: 3000, host: '127.0.0.1', database: { engine: 'pglite', dataDir: '.klens/data' }, corsOrigins: [] });
  });

  it('prefers DATABASE_URL and splits lists', () => {
    const env = readEnv({ DATABASE_URL: 'postgres://klens@db:5432/klens', KLENS_CORS_ORIGINS: 'https://a.example, https://b.example', KLENS_SYNC_METRICS: 'Placed Order,Ordered Product' });
    expect(env.database).toEqual({ engine: 'postgres', connectionString: 'postgres://klens@db:5432/klens' });
    expect(env.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
    expect(env.syncMetrics).toEqual(['Placed Order', 'Ordered Product']);
  });

  it('names every bad variable', () => {
    expect(() => readEnv({ PORT: 'eighty', LOG_LEVEL: 'loud' })).toThrow(/PORT: .*; LOG_LEVEL: /);
    expect(() => readEnv({ DATABASE_URL: 'mysql://x@y/z' })).toThrow(/must start with postgres:\/\//);
  });

  it('wants a signing secret of at least 32 characters', () => {
    expect(() => requireAuthSecret(readEnv({ KLENS_AUTH_SECRET: 'short' }))).toThrow(/at least 32 characters/);
    expect(requireAuthSecret(readEnv({ KLENS_AUTH_SECRET: 'x'.repeat(32) }))).toBe('x'.repeat(32));
  });
});
