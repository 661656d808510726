import { describe, expect, it, vi } from 'vitest';
import { createKlaviyoStore, createStoreWithin } from './create-klaviyo-store.js';
import type { EventRow } from './event-rows.js';
import { createWalkHeads, type GenerationCounts } from './day-assembly.js';
import { ORDER_LAYER_SPAN_DAYS } from './order-layer.js';
import { TRIGGER_LAYER_SPAN_DAYS } from './trigger-layer.js';
import type { EventPosition, KlaviyoStore } from './types.js';

// Walking a whole window generates every day of it.
vi.setConfig({ testTimeout: 120_000 });

const OPTIONS = { seed: 5, size: 1500 };
const PAGE = 1000;

type Walk = { from?: Date; to?: Date };

/**
 * Reads each walk a page at a time in turn, as the simulator answers time slices read at once:
 * every page is a fresh listing that resumes after the last event of the page before (the cursor).
 * Returns the events read per walk.
 */
function interleave(store: KlaviyoStore, walks: Walk[], onPage: (walk: number, day: number, eventsOfDay: number) => void): number[] {
  const read = walks.map(() => 0);
  const after: Array<EventPosition | undefined> = walks.map(() => undefined);
  const open = new Set(walks.keys());
  while (open.size > 0) {
    for (const walk of [...open]) {
      const position = after[walk];
      const rows = store.eventRows({ ...walks[walk], ...(position ? { after: position } : {}) })[Symbol.iterator]();
      let last: EventRow | undefined;
      let count = 0;
      for (let next = rows.next(); !next.done && count < PAGE; next = rows.next(), count += 1) last = next.value;
      read[walk] = (read[walk] ?? 0) + count;
      if (count < PAGE || !last) open.delete(walk);
      if (last) {
        const { eventReader } = store;
        after[walk] = { datetime: new Date(eventReader.instant(last)), id: eventReader.id(last) };
        onPage(walk, last.dayLog.day, last.dayLog.log.length);
      }
    }
  }
  return read;
}

/** Four equal time slices of the store's window. */
function slicesOf(store: KlaviyoStore): Walk[] {
  const span = store.now.getTime() - store.start.getTime();
  const bound = (i: number) => new Date(store.start.getTime() + Math.floor((span * i) / 4 / 1000) * 1000);
  return [0, 1, 2, 3].map((i) => ({ from: bound(i), to: bound(i + 1) }));
}

/** What one walk through the whole window reads and generates, and its busiest day. */
function oneWalk() {
  const alone = createKlaviyoStore(OPTIONS);
  let busiestDay = 0;
  const total = interleave(alone, [{}], (_walk, _day, events) => {
    busiestDay = Math.max(busiestDay, events);
  })[0]!;
  return { total, once: alone.generated(), busiestDay };
}

/**
 * Each slice starts by generating the layers its first day needs (the 16 + 8 origin days before
 * it, and its own). The slice before it needs them again only when it reaches that day, long
 * after: those are made twice, and so is the day where two slices meet. Nothing else.
 */
function expectMadeOnceButAtSeams(store: KlaviyoStore, walks: Walk[], once: GenerationCounts): void {
  const seams = walks.length - 1;
  const generated = store.generated();
  expect(generated.triggerLayers).toBeLessThanOrEqual(once.triggerLayers + seams * (TRIGGER_LAYER_SPAN_DAYS + ORDER_LAYER_SPAN_DAYS + 1));
  expect(generated.orderLayers).toBeLessThanOrEqual(once.orderLayers + seams * (ORDER_LAYER_SPAN_DAYS + 1));
  expect(generated.days).toBeLessThanOrEqual(once.days + seams);
}

describe('time slices read at once (as Klens backfills a metric in 4)', () => {
  it('generate each layer and day once, as one walk through the window does, but where two slices meet', () => {
    const { total, once } = oneWalk();
    const sliced = createKlaviyoStore(OPTIONS);
    const walks = slicesOf(sliced);
    // The walks really are apart: at some moment all four serve different days.
    let apart = false;
    const current = new Map<number, number>();
    const read = interleave(sliced, walks, (walk, day) => {
      current.set(walk, day);
      if (current.size === 4 && new Set(current.values()).size === 4) apart = true;
    });

    expect(apart).toBe(true);
    expect(read.reduce((sum, count) => sum + count, 0)).toBe(total);
    expect(once.triggerLayers).toBeGreaterThan(380);
    expectMadeOnceButAtSeams(sliced, walks, once);
  });

  it('fit in a layer budget of a few days where their 17 layers each would not, and still generate each layer once', () => {
    const { total, once, busiestDay } = oneWalk();
    // Room for 6 busy days of layer events, about what a million-profile store has for its 4
    // slices. Held whole, the walks' layers need 40 here: at 6 the store made 2,802 trigger layers
    // when it kept them whole. With their passed events dropped, 6 hold them.
    const sliced = createStoreWithin(OPTIONS, { layers: 6 * busiestDay, days: 6 * busiestDay, selectedRows: 1_000_000 });
    const walks = slicesOf(sliced);
    const read = interleave(sliced, walks, () => undefined);

    expect(read.reduce((sum, count) => sum + count, 0)).toBe(total);
    expectMadeOnceButAtSeams(sliced, walks, once);
  });

  it('serve the same events, in the same order, when a slice turns back down (its dropped layer events are made again)', () => {
    const whole = createKlaviyoStore(OPTIONS);
    const trimmed = createStoreWithin(OPTIONS, { layers: 1_500_000, days: 1, selectedRows: 1_000_000 });
    const middle = new Date((whole.start.getTime() + whole.now.getTime()) / 2);
    const ids = (store: KlaviyoStore, walk: Walk & { order?: 'asc' | 'desc' }) => {
      const out: string[] = [];
      for (const row of store.eventRows(walk)) out.push(store.eventReader.id(row));
      return out;
    };
    const week = 7 * 86_400_000;
    // Up through a fortnight (dropping passed events as it goes), then down through it again.
    const up = { from: new Date(middle.getTime() - week), to: new Date(middle.getTime() + week) };
    ids(trimmed, up);
    const down = ids(trimmed, { ...up, order: 'desc' });
    expect(down.length).toBeGreaterThan(1000);
    expect(down).toEqual(ids(whole, { ...up, order: 'desc' }));
  });
});

describe('createWalkHeads', () => {
  it('moves a walk with each next day, up or down, and starts a walk for any other day', () => {
    const walks = createWalkHeads(2);
    for (const day of [100, 101, 102]) walks.visit(day); // one walk, now at 102
    walks.visit(300); // a second walk
    walks.visit(299); // it goes down
    // A walk at 102 may next serve 101 or 103, whose layers come from origins 85 to 103: no others.
    expect([84, 85, 102, 103].map((day) => walks.near(day, 16))).toEqual([false, true, true, true]);
    expect([104, 282, 300, 301].map((day) => walks.near(day, 16))).toEqual([false, true, true, false]);
    walks.visit(500); // a third walk: the one used least recently (at 102) is no longer followed
    expect(walks.near(102, 16)).toBe(false);
    expect(walks.near(299, 0)).toBe(true);
    expect(walks.near(500, 0)).toBe(true);
  });

  it('says from which day a layer is still wanted: the lowest walk at or above it, unless one there goes down', () => {
    const walks = createWalkHeads(4);
    expect(walks.firstDayWanted(100)).toBe(Infinity); // no walks
    walks.visit(110); // a walk that has not moved yet is taken to go up
    expect(walks.firstDayWanted(100)).toBe(110);
    walks.visit(111);
    walks.visit(104); // a second walk, at or above layer 100's origin
    expect(walks.firstDayWanted(100)).toBe(104);
    expect(walks.firstDayWanted(106)).toBe(111); // the walk at 104 is below it: it does not count
    walks.visit(103); // the walk at 104 goes down: layer 100's earlier events may be wanted
    expect(walks.firstDayWanted(100)).toBe(-Infinity);
    expect(walks.firstDayWanted(105)).toBe(111);
  });
});
