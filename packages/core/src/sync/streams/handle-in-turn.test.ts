import { describe, expect, it } from 'vitest';
import { bigPage, deferred, nextTask, survivesCollection } from '../../testing/garbage.js';
import { handleInTurn } from './resource-loader.js';

describe('handleInTurn', () => {
  it('holds no page while it waits for the next one (for await would)', async () => {
    const second = deferred();
    let calls = 0;
    const pages: AsyncIterable<object> = {
      [Symbol.asyncIterator]: () => ({
        next: () => (calls++ === 0 ? Promise.resolve({ done: false, value: bigPage() }) : second.promise.then(() => ({ done: true as const, value: undefined }))),
      }),
    };
    let first: WeakRef<object> | undefined;
    const handled = handleInTurn(pages, async (page) => {
      first = new WeakRef(page);
    });
    await nextTask();
    expect(calls).toBe(2);
    expect(await survivesCollection(first as WeakRef<object>)).toBe(false);
    second.resolve();
    await handled;
  });

  it('hands over every page in order', async () => {
    async function* numbers() {
      for (let i = 1; i <= 5; i += 1) yield i;
    }
    const seen: number[] = [];
    await handleInTurn(numbers(), async (page) => {
      seen.push(page);
    });
    expect(seen).toEqual([1, 2, 3, 4, 5]);
  });

  it('closes the listing when handling a page fails, as for await does, and throws that failure', async () => {
    let closed = 0;
    const pages: AsyncIterable<number> = {
      [Symbol.asyncIterator]: () => ({
        next: async () => ({ done: false, value: 1 }),
        return: async () => {
          closed += 1;
          throw new Error('closing failed too');
        },
      }),
    };
    await expect(handleInTurn(pages, async () => Promise.reject(new Error('store failed')))).rejects.toThrow('store failed');
    expect(closed).toBe(1);
  });
});
