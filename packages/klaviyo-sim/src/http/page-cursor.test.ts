import { describe, expect, it } from 'vitest';
import { createKlaviyoStore } from '../store/create-klaviyo-store.js';
import { createSimulatorApp } from './create-simulator-app.js';

const headers = { Authorization: 'Klaviyo-API-Key pk_test', revision: '2026-07-15' };

describe('page cursors passed back as whole links.next URLs', () => {
  it('serve the same next page as the bare cursor, as the official SDKs send an http:// next link verbatim', async () => {
    const app = createSimulatorApp(createKlaviyoStore({ seed: 2, size: 200 }), { apiKey: 'pk_test' });
    const get = async (url: string) => (await app.request(url, { headers })).json() as Promise<any>;
    const first = await get('http://sim.test/api/events?page[size]=3');
    const next = new URL(first.links.next);
    const bare = await get(next.toString());
    const wrapped = new URL(next);
    wrapped.searchParams.set('page[cursor]', first.links.next);
    const viaLink = await get(wrapped.toString());
    expect(bare.data.map((event: any) => event.id)).toHaveLength(3);
    expect(viaLink.data).toEqual(bare.data);
    expect(bare.data[0].id).not.toBe(first.data[0].id);
  });
});
