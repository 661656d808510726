import { setImmediate as tick } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { PageReadAhead } from './page-read-ahead.js';

describe('PageReadAhead', () => {
  it('hands over each page rendered ahead once, for several chains at a time', async () => {
    const ahead = new PageReadAhead<string>(3);
    ahead.schedule('a2', () => 'page a2');
    ahead.schedule('b2', () => 'page b2');
    await tick();
    expect(ahead.take('b2')).toBe('page b2');
    expect(ahead.take('a2')).toBe('page a2');
    expect(ahead.take('a2')).toBeUndefined();
  });

  it('keeps at most `capacity` pages, dropping the oldest chain', async () => {
    const ahead = new PageReadAhead<string>(2);
    for (const self of ['a', 'b', 'c']) ahead.schedule(self, () => `page ${self}`);
    await tick();
    expect([ahead.take('a'), ahead.take('b'), ahead.take('c')]).toEqual([undefined, 'page b', 'page c']);
  });

  it('skips the render of a page requested before it was ready', async () => {
    const ahead = new PageReadAhead<string>();
    let renders = 0;
    ahead.schedule('a', () => `page ${(renders += 1)}`);
    expect(ahead.take('a')).toBeUndefined();
    await tick();
    expect(renders).toBe(0);
    expect(ahead.take('a')).toBeUndefined();
  });

  it('drops a page whose render throws, so the request renders and reports it', async () => {
    const ahead = new PageReadAhead<string>();
    ahead.schedule('a', () => {
      throw new Error('bad page');
    });
    await tick();
    expect(ahead.take('a')).toBeUndefined();
  });
});
