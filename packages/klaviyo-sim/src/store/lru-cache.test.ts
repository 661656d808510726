import { describe, expect, it } from 'vitest';
import { LruCache, WeightedLruCache } from './lru-cache.js';

function cacheOf(budget: number, maxEntries?: number) {
  const made: string[] = [];
  const cache = new WeightedLruCache<string, number>(budget, (weight) => weight, maxEntries);
  const get = (key: string, weight: number) => cache.getOrCreate(key, () => (made.push(key), weight));
  return { cache, made, get };
}

describe('WeightedLruCache', () => {
  it('evicts the least recently used entries once the weight passes the budget', () => {
    const { cache, made, get } = cacheOf(10);
    get('a', 4);
    get('b', 4);
    get('a', 4); // a is now the most recent
    get('c', 4); // 12 > 10: b goes
    expect(cache.weight).toBe(8);
    get('a', 4);
    get('b', 4);
    expect(made).toEqual(['a', 'b', 'c', 'b']);
  });

  it('keeps the newest entry even when it alone passes the budget', () => {
    const { cache, get } = cacheOf(10);
    get('a', 3);
    expect(get('huge', 50)).toBe(50);
    expect(cache.weight).toBe(50);
  });

  it('holds at most maxEntries entries, however light', () => {
    const { made, get } = cacheOf(1_000, 2);
    for (const key of ['a', 'b', 'c', 'c', 'b', 'a']) get(key, 1);
    expect(made).toEqual(['a', 'b', 'c', 'a']);
  });

  it('evicts entries still needed only after the others, and only when the limits say so', () => {
    const needed = new Set(['a', 'b']);
    const made: string[] = [];
    const cache = new WeightedLruCache<string, number>(1_000, (weight) => weight, 3, { isNeeded: (key) => needed.has(key) });
    const get = (key: string) => cache.getOrCreate(key, () => (made.push(key), 1));
    for (const key of ['a', 'b', 'c', 'd', 'e']) get(key); // c, then d, go: a and b are older but needed
    for (const key of ['a', 'b', 'e']) get(key);
    expect(made).toEqual(['a', 'b', 'c', 'd', 'e']);
    needed.clear();
    get('f'); // nothing is needed now: the least recently used (a) goes
    get('a');
    expect(made).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'a']);
  });

  it('evicts needed entries too when every entry is needed and the budget is passed', () => {
    const made: string[] = [];
    const cache = new WeightedLruCache<string, number>(2, (weight) => weight, Infinity, { isNeeded: () => true });
    const get = (key: string) => cache.getOrCreate(key, () => (made.push(key), 1));
    for (const key of ['a', 'b', 'c', 'a']) get(key);
    expect(cache.weight).toBe(2);
    expect(made).toEqual(['a', 'b', 'c', 'a']);
  });

  it('holds at most maxIdle entries that are not needed, oldest going first', () => {
    const needed = new Set(['a']);
    const made: string[] = [];
    const cache = new WeightedLruCache<string, number>(1_000, (weight) => weight, Infinity, { isNeeded: (key) => needed.has(key), maxIdle: 2 });
    const get = (key: string) => cache.getOrCreate(key, () => (made.push(key), 1));
    for (const key of ['a', 'b', 'c', 'd']) get(key); // b goes: c and d are the two idle ones kept
    for (const key of ['a', 'c', 'd', 'b']) get(key);
    expect(made).toEqual(['a', 'b', 'c', 'd', 'b']);
    expect(cache.weight).toBe(3);
  });

  it('replaces an entry with a lighter one in its place, and reweighs it, without making it again', () => {
    const { cache, made, get } = cacheOf(10);
    get('a', 6);
    get('b', 3);
    cache.replace('a', 2); // a keeps its place: still the least recently used
    expect(cache.weight).toBe(5);
    get('c', 6); // 11 > 10: a goes first, though it was replaced after b was made
    expect(cache.weight).toBe(9);
    expect(get('b', 99)).toBe(3);
    expect(get('a', 2)).toBe(2); // made again
    expect(made).toEqual(['a', 'b', 'c', 'a']);
  });
});

describe('LruCache', () => {
  it('gets and sets as the most recent entry, dropping the least recently used past its capacity', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1); // a is now the most recent
    cache.set('c', 3); // b goes
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([1, undefined, 3]);
    cache.set('a', 4);
    expect(cache.get('a')).toBe(4);
    expect(cache.size).toBe(2);
  });
});
