import { setImmediate as tick } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { PageReadAhead } from './page-read-ahead.js';

describe('PageReadAhead', () => {
  it('hands over each page rendered ahead once, for several chains at a time', async () => {
    const ahead = new PageReadAhead<string>(3);
    ahead.schedule('a2', async () => 'page a2');
    ahead.schedule('b2', async () => 'page b2');
    await tick();
    expect(await ahead.take('b2')).toBe('page b2');
    expect(await ahead.take('a2')).toBe('page a2');
    expect(ahead.take('a2')).toBeUndefined();
  });

  it('keeps at most `capacity` pages, dropping the oldest chain', async () => {
    const ahead = new PageReadAhead<string>(2);
    for (const self of ['a', 'b', 'c']) ahead.schedule(self, async () => `page ${self}`);
    expect(ahead.take('a')).toBeUndefined();
    expect(await Promise.all([ahead.take('b'), ahead.take('c')])).toEqual(['page b', 'page c']);
  });

  it('renders a page once, however often it is scheduled, and lets a request wait for it', async () => {
    const ahead = new PageReadAhead<string>();
    let renders = 0;
    const render = async () => `page ${(renders += 1)}`;
    ahead.schedule('a', render);
    ahead.schedule('a', render);
    const page = ahead.take('a');
    expect(renders).toBe(0); // not yet started: it waits for the event loop
    expect(await page).toBe('page 1');
    expect(renders).toBe(1);
  });

  it('reports a failed render to the request that takes it, and nothing when none does', async () => {
    const ahead = new PageReadAhead<string>();
    ahead.schedule('a', async () => {
      throw new Error('bad page');
    });
    ahead.schedule('b', async () => {
      throw new Error('never taken');
    });
    await expect(ahead.take('a')).rejects.toThrow('bad page');
    await tick();
  });

  it('by default holds two pages ahead for each of four chains read at once, so none is rendered twice', async () => {
    const ahead = new PageReadAhead<string>();
    let renders = 0;
    const chains = ['a', 'b', 'c', 'd'];
    for (const chain of chains) for (const page of [1, 2]) ahead.schedule(`${chain}${page}`, async () => `page ${chain}${page} (${(renders += 1)})`);
    const taken = chains.flatMap((chain) => [1, 2].map((page) => ahead.take(`${chain}${page}`)));
    expect(taken.every((page) => page !== undefined)).toBe(true);
    await Promise.all(taken);
    expect(renders).toBe(8);
  });
});
