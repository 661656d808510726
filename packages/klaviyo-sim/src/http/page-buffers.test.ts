import { describe, expect, it } from 'vitest';
import { createKlaviyoStore } from '../store/create-klaviyo-store.js';
import { startSimulator } from '../server/start-simulator.js';
import { clientHeaders } from '../test-support/simulator-client.js';
import { createSimulatorApp } from './create-simulator-app.js';
import { PageBufferPool } from './page-buffers.js';
import { EVENT_PAGE_BUFFER_BYTES, getEvents, type EventsPage } from './routes/get-events.js';
import { PageReadAhead } from './routes/page-read-ahead.js';

describe('PageBufferPool', () => {
  it('hands back released buffers of its size, each once, and keeps at most `keep`', () => {
    const pool = new PageBufferPool(64, 2);
    const [a, b, c] = [pool.take(10), pool.take(64), pool.take(64)];
    expect([a.length, b.length, c.length]).toEqual([64, 64, 64]);
    pool.release(a);
    pool.release(a);
    expect(pool.idle).toBe(1);
    pool.release(b);
    pool.release(c);
    expect(pool.idle).toBe(2);
    expect(new Set([pool.take(64), pool.take(64)])).toEqual(new Set([b, a]));
    expect(pool.take(64)).not.toBe(c);
  });

  it('gives a larger request its own buffer and never pools it', () => {
    const pool = new PageBufferPool(64);
    const big = pool.take(65);
    expect(big.length).toBe(65);
    pool.release(big);
    expect(pool.idle).toBe(0);
  });
});

describe('GET /api/events and its page buffers', () => {
  it('gives a page buffer back only once the response has been sent, and writes the next page into it', async () => {
    const store = createKlaviyoStore({ seed: 5, size: 3000 });
    const context = { store, publicBaseUrl: undefined, eventsReadAhead: new PageReadAhead<EventsPage>(), eventPageBuffers: new PageBufferPool(EVENT_PAGE_BUFFER_BYTES) };
    const sent: (() => void)[] = [];
    const url = 'http://sim.test/api/events?page[size]=1000';
    const first = Buffer.from(await (await getEvents(context, new Request(url), (done) => sent.push(done))).arrayBuffer());
    expect([sent.length, context.eventPageBuffers.idle]).toEqual([1, 0]);
    sent[0]?.();
    expect(context.eventPageBuffers.idle).toBe(1);
    const again = Buffer.from(await (await getEvents(context, new Request(url), (done) => sent.push(done))).arrayBuffer());
    expect(context.eventPageBuffers.idle).toBe(0);
    expect(again.equals(first)).toBe(true);
  });

  it('over a real socket, serves byte for byte what the in-process app answers, with several chains in flight', async () => {
    const options = { seed: 5, size: 3000 };
    const sim = await startSimulator(options);
    // In-process requests have no socket, so this app never reuses a buffer: the reference.
    const reference = createSimulatorApp(createKlaviyoStore(options), { apiKey: sim.apiKey });
    try {
      const chain = async (first: string) => {
        let url: string | undefined = sim.url + first;
        for (let page = 0; page < 8 && url !== undefined; page += 1) {
          const served: Buffer = Buffer.from(await (await fetch(url, { headers: clientHeaders(sim) })).arrayBuffer());
          const expected = Buffer.from(await (await reference.request(url, { headers: clientHeaders(sim) })).arrayBuffer());
          expect(served.equals(expected)).toBe(true);
          url = (JSON.parse(served.toString('utf8')) as { links: { next?: string } }).links.next;
        }
      };
      await Promise.all([
        chain('/api/events?page[size]=1000'),
        chain('/api/events?page[size]=1000&sort=-datetime'),
        chain(`/api/events?page[size]=800&filter=${encodeURIComponent('greater-or-equal(datetime,2026-05-01T00:00:00Z)')}`),
      ]);
    } finally {
      await sim.close();
    }
  }, 60_000);
});
