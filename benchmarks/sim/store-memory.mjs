// What the simulator's store keeps in memory, apart from the garbage the process has not collected
// yet: the store is read in-process (no HTTP) the way a client pages through events, one time slice
// or several in turn, and after a forced full garbage collection the live JS heap and the typed
// arrays still held (`external`) are measured. Peak RSS also counts dead arrays that V8 frees only at
// its next collection, so it grows with the size of a day even while what the store holds is bounded
// by its budgets; this tells the two apart. bench:sim runs it once per store size.
//
// Must run with --expose-gc. Progress goes to stderr; one JSON line with the figures to stdout.
// Usage: node --expose-gc benchmarks/sim/store-memory.mjs <sim dist dir> <seed> <SIZE|ORDERS_PER_DAY> <setting> <max events> <slices>
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [simDist, seedText, knob, settingText, maxText, slicesText = '1'] = process.argv.slice(2);
const slices = Number(slicesText);
const maxEvents = Number(maxText);
if (typeof globalThis.gc !== 'function' || !simDist || !['SIZE', 'ORDERS_PER_DAY'].includes(knob) || !(maxEvents >= 1) || !(slices >= 1)) {
  console.error('usage: node --expose-gc store-memory.mjs <sim dist dir> <seed> <SIZE|ORDERS_PER_DAY> <setting> <max events> <slices>');
  process.exit(2);
}
const { createKlaviyoStore } = await import(pathToFileURL(join(simDist, 'index.js')).href);

const live = () => {
  globalThis.gc();
  const { heapUsed, external } = process.memoryUsage();
  return heapUsed + external;
};
const before = live();
const store = createKlaviyoStore({ seed: Number(seedText), [knob === 'SIZE' ? 'size' : 'ordersPerDay']: Number(settingText) });

// Equal time slices of the store's window, each read a page (1000 rows) at a time in turn, as
// Klens's sync reads its slices side by side.
const PAGE = 1000;
const start = store.start.getTime();
const span = store.now.getTime() - start;
const readers = Array.from({ length: slices }, (_, i) =>
  store.eventRows({ from: new Date(start + (span * i) / slices), to: new Date(start + (span * (i + 1)) / slices) })[Symbol.iterator](),
);
const finished = readers.map(() => false);
let events = 0;
let peakRss = 0;
while (events < maxEvents && finished.includes(false)) {
  readers.forEach((reader, i) => {
    for (let read = 0; read < PAGE && !finished[i]; read += 1) {
      if (reader.next().done) finished[i] = true;
      else events += 1;
    }
  });
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}
const after = live();
console.log(JSON.stringify({ events, slices, storeLiveBytes: after - before, liveBytes: after, peakRssBytes: peakRss }));
