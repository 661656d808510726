import { describe, expect, it } from 'vitest';
import { bigPage, deferred, survivesCollection } from '../testing/garbage.js';
import { createKlaviyoClient } from './client.js';

// A page of a thousand events is megabytes of objects. Whoever pages through a listing must let go
// of a page before waiting for the next, or with several listings read at once the pages outlive
// collections of the young generation and are copied into the old one (with 4 slices, a gigabyte
// promoted per million events). The sync's side is handleInTurn (sync/streams).
describe("the client's pages()", () => {
  it('holds no page while the next one is on its way', async () => {
    const secondSent = deferred();
    const secondAnswer = deferred();
    let requests = 0;
    const answer = (body: object) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/vnd.api+json' } });
    const fetchPages: typeof fetch = async () => {
      requests += 1;
      if (requests === 1) return answer({ ...bigPage(), links: { next: 'https://a.klaviyo.com/api/events?page%5Bcursor%5D=2' } });
      secondSent.resolve();
      await secondAnswer.promise;
      return answer({ data: [], links: {} });
    };
    const klaviyo = createKlaviyoClient({ apiKey: 'pk_retention', fetch: fetchPages, rateLimiter: { acquire: async () => {} } });
    const pages = klaviyo.pages('/api/events');
    const keepWeakly = async () => new WeakRef((await pages.next()).value as object);
    const first = await keepWeakly();
    // The consumer has let go of page 1 and asks for page 2, whose answer is held back.
    const second = pages.next();
    await secondSent.promise;
    expect(await survivesCollection(first)).toBe(false);
    secondAnswer.resolve();
    expect((await second).done).toBe(false);
    expect((await pages.next()).done).toBe(true);
  });
});
