import { Agent, request } from 'node:http';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { listen } from './listen.js';

function get(url: string, agent: Agent): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent }, (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve(text));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('listen', () => {
  it('closes promptly while a client holds an idle keep-alive connection', async () => {
    const server = await listen(new Hono().get('/', (c) => c.text('hello')), { port: 0, shutdownGraceMs: 60_000 });
    expect(await get(`${server.url}/`, new Agent({ keepAlive: true }))).toBe('hello');
    const started = performance.now();
    await server.close();
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('cuts a request that outlives the shutdown grace period', async () => {
    const hanging = new Hono().get('/', () => new Promise<Response>(() => {}));
    const server = await listen(hanging, { port: 0, shutdownGraceMs: 200 });
    const pending = get(`${server.url}/`, new Agent({ keepAlive: true }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = performance.now();
    await server.close();
    const waited = performance.now() - started;
    expect(waited).toBeGreaterThanOrEqual(90);
    expect(waited).toBeLessThan(2000);
    await expect(pending).rejects.toThrow(/socket hang up|ECONNRESET/);
  });
});
