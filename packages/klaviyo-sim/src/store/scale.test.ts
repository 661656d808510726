import { describe, expect, it, vi } from 'vitest';
import { createKlaviyoStore } from './create-klaviyo-store.js';

// Generating a day at a million profiles scans them for every campaign of the days before it.
vi.setConfig({ testTimeout: 600_000 });

const MB = 1024 * 1024;

describe('a store of a million profiles', () => {
  it('is created without per-profile state and generates a campaign day within bounded memory', () => {
    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    let started = performance.now();
    const store = createKlaviyoStore({ seed: 1, size: 1_000_000 });
    const createMs = performance.now() - started;
    const createdHeap = process.memoryUsage().heapUsed - heapBefore;
    // Nothing per profile is held: creating the store costs the same at any size.
    expect(createdHeap).toBeLessThan(64 * MB);
    expect(store.profileCount).toBeGreaterThan(900_000);
    expect(store.profileAt(store.profileCount - 1)?.id).toHaveLength(26);

    const campaign = store.campaigns.find((candidate) => candidate.channel === 'email' && candidate.send_time.startsWith('2026-03'))!;
    const day = { from: new Date(Date.parse(campaign.send_time) - 10 * 3_600_000), to: new Date(Date.parse(campaign.send_time) + 14 * 3_600_000) };
    started = performance.now();
    const counts = new Map<string, number>();
    for (const event of store.events(day)) {
      const name = store.metric(event.metricId)!.name;
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    const dayMs = performance.now() - started;
    const heap = process.memoryUsage();
    console.log(`size 1M: created in ${createMs.toFixed(0)} ms (+${(createdHeap / MB).toFixed(1)} MB heap); campaign day in ${(dayMs / 1000).toFixed(1)} s, heap ${(heap.heapUsed / MB).toFixed(0)} MB, array buffers ${(heap.arrayBuffers / MB).toFixed(0)} MB`, Object.fromEntries(counts));
    expect(counts.get('Received Email')).toBeGreaterThan(50_000);
    expect(heap.heapUsed + heap.arrayBuffers).toBeLessThan(3000 * MB);
  });
});
