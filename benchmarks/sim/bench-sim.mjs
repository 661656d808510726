// `pnpm bench:sim`: how fast the Klaviyo simulator serves events to a client over loopback, and
// how much memory each side needs, as the store grows from 100k to 10M events.
//
// For each size it starts the built simulator CLI in its own process (RATE_LIMITS=off: Klaviyo's
// 3500 requests/min on GET /api/events would cap the rate at about 58k events/s), pages through
// every event with consume-events.mjs in a second process (a loop following links.next at
// page[size]=1000 and parsing every page; each client in BENCH_CLIENTS gets a fresh simulator:
// node:http one request at a time or asking for the next page as soon as a page arrives, fetch, or
// Klens's own client, which also asks early; one time slice or several read at once, as Klens's
// sync backfills a metric in 4), and reads both processes' peak RSS and CPU time per event. CPU
// time is the steadier figure on a shared machine: events/s falls when other work takes a core,
// µs/event much less. Page faults per event are counted on both sides, and what one costs on this
// machine is measured at the start and the end: on a VM that backs each page on first touch a fault
// can cost 10 µs or more, and a process that keeps mapping new memory pays for it on every page.
//
// The baseline, measured in the same run: right after each simulator measurement the same client
// reads as many events from replay-server.mjs, which serves the store's first pages again and
// again with no work per request. That is the most the client gets on this machine at that
// moment, and "simulator ÷ replay" is what the simulator costs it, whatever the machine's speed.
// The client also times its own JSON.parse calls: parsing 1 kB of JSON per event is most of a
// client's work, and the events/s that parsing alone allowed is a ceiling no one-thread client
// can beat. Progress is printed while it runs; the figures come last, as tables.
//
// Peak RSS counts typed arrays that are already dead but wait for V8's next collection, and those
// grow with the size of a day. So for each size store-memory.mjs also reads the store in-process
// (no HTTP), one slice and as many slices as the clients use, and measures what the store still
// holds after a forced full collection: the memory its caches and memos keep, which its budgets bound.
//
// Env: BENCH_SIZES (comma-separated event counts, default 100000,1000000,10000000), SEED (default 1),
// BENCH_CLIENTS (transport:slices entries, default http-ahead:1,klens:1,klens:4; http:1 is node:http
// one request at a time, fetch:1 the plain fetch client),
// BENCH_RUNS (default 3: each size and client is measured this many times; the table gives medians),
// BENCH_MAX_EVENTS (default 1000000: each client stops after this many events, so the 10M store is
// measured on its first million events instead of an hour of paging; `all` pages through everything;
// the table says how many were served), BENCH_BASELINE (default on; `off` skips the replay runs),
// BENCH_STORE_MEMORY (default on; `off` skips the in-process store memory runs), BENCH_PAGE_PARSE
// (default on; `off` skips page-parse.mjs: Klens's client parsing a page against one string per page).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const simDist = join(root, 'packages', 'klaviyo-sim', 'dist');
const sizes = (process.env.BENCH_SIZES ?? '100000,1000000,10000000').split(',').map(Number);
const seed = process.env.SEED ?? '1';
if (sizes.some((size) => !Number.isInteger(size) || size < 1000)) {
  console.error('BENCH_SIZES must be comma-separated integers of at least 1000, e.g. 100000,1000000');
  process.exit(2);
}

const { createKlaviyoStore } = await import(join(simDist, 'index.js'));

/** The smallest SIZE the store takes: counting its events takes seconds, not minutes. */
const CALIBRATION_SIZE = 200;

/** Events per unit of the store's size knob, measured on a small store of this seed. */
function calibrate() {
  const probe = createKlaviyoStore({ seed: Number(seed), size: CALIBRATION_SIZE });
  const knob = probe.options.size === CALIBRATION_SIZE ? 'SIZE' : 'ORDERS_PER_DAY';
  const store = knob === 'SIZE' ? probe : createKlaviyoStore({ seed: Number(seed), ordersPerDay: 10 });
  let events = 0;
  for (const _ of store.eventRows()) events += 1;
  return { knob, perUnit: events / (knob === 'SIZE' ? CALIBRATION_SIZE : 10), limit: knob === 'SIZE' ? 5_000_000 : 100_000 };
}

/** Fields of /proc/<pid>/stat after the command name: field n of proc(5) is at index n - 3. */
const statOf = (pid) => readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');

/** CPU seconds (user + system) a running process has used, from /proc (Linux; clock ticks of 1/100 s). */
function cpuSeconds(pid) {
  const fields = statOf(pid);
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Minor page faults a running process has taken, from /proc (Linux). */
const pageFaults = (pid) => Number(statOf(pid)[7]);

/**
 * What one page fault costs on this machine: fresh memory touched a page at a time. On a bare
 * machine it is a fraction of a microsecond; on a VM whose host backs each page on first touch it
 * can be 10 µs or more, and then every process that maps new memory (a large string, a growing
 * heap) pays for it. It explains much of why the same code reads at different rates on different
 * machines, so it is measured here and printed with the figures.
 */
function pageFaultMicroseconds() {
  const PAGES = 16384;
  const times = [1, 2, 3].map(() => {
    const started = performance.now();
    const memory = new Uint8Array(PAGES * 4096);
    for (let at = 0; at < memory.length; at += 4096) memory[at] = 1;
    return ((performance.now() - started) * 1000) / PAGES;
  });
  return median(times);
}

/** Peak resident set size of a running process, in kB, from /proc (Linux). */
function peakRssKb(pid) {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) : NaN;
}

/** Starts a server script and resolves once its first stdout line matching `ready` is out. */
function startServer(script, args, env, ready) {
  const child = spawn(process.execPath, [script, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = ready.exec(out);
      if (match) resolve({ child, match });
    });
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code} before listening: ${out}`)));
  });
}

async function startSimulator(env) {
  const { child, match } = await startServer(join(simDist, 'cli.js'), [], env, /Klaviyo simulator on (\S+) \(API key (\S+),/);
  return { child, url: match[1], apiKey: match[2] };
}

/** Pages the replay server holds: 8 MB of JSON, more than the CPU caches, so parsing is not flattered. */
const REPLAY_PAGES = 8;

/** A replay server (replay-server.mjs) holding the first pages of a store, and the key they were read with. */
async function startReplay(simEnv) {
  const sim = await startSimulator(simEnv);
  try {
    const { child, match } = await startServer(join(here, 'replay-server.mjs'), [sim.url, sim.apiKey, String(REPLAY_PAGES)], {}, /Replay server on (\S+) /);
    return { child, url: match[1], apiKey: sim.apiKey };
  } finally {
    sim.child.kill('SIGTERM');
  }
}

const maxEventsText = process.env.BENCH_MAX_EVENTS ?? '1000000';
const maxEvents = maxEventsText === 'all' ? '' : maxEventsText;
if (maxEvents && !(Number(maxEvents) >= 1000)) {
  console.error('BENCH_MAX_EVENTS must be an integer of at least 1000, or "all"');
  process.exit(2);
}

/** The clients to run against each store: transport and number of parallel time slices. */
const clients = (process.env.BENCH_CLIENTS ?? 'http-ahead:1,klens:1,klens:4').split(',').map((entry) => {
  const [transport, slices = '1'] = entry.split(':');
  return { transport, slices: Number(slices) };
});
if (clients.some(({ transport, slices }) => !['http', 'http-ahead', 'fetch', 'klens'].includes(transport) || !(Number.isInteger(slices) && slices >= 1 && slices <= 16))) {
  console.error('BENCH_CLIENTS must be comma-separated transport:slices entries, transport http, http-ahead, fetch or klens, slices 1 to 16 (e.g. http:1,klens:4)');
  process.exit(2);
}

function runClient(url, apiKey, { transport, slices }, window, limit = maxEvents) {
  const args = [join(here, 'consume-events.mjs'), url, apiKey, String(limit), transport, String(slices), window.start.toISOString(), window.now.toISOString()];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`the client exited with ${code}`))));
  });
}

console.log(`bench:sim: counting the events of a SIZE=${CALIBRATION_SIZE} store to calibrate the sizes…`);
const { knob, perUnit, limit } = calibrate();
console.log(`bench:sim: ${perUnit.toFixed(1)} events per unit of ${knob} (seed ${seed}); sizes ${sizes.join(', ')}`);
const faultCostAtStart = pageFaultMicroseconds();
console.log(`bench:sim: a page fault costs ${faultCostAtStart.toFixed(2)} µs on this machine now (fresh memory touched a page at a time)`);
const runs = Number(process.env.BENCH_RUNS ?? '3');
if (!(Number.isInteger(runs) && runs >= 1)) {
  console.error('BENCH_RUNS must be a positive integer');
  process.exit(2);
}

const stores = sizes.map((target) => {
  const wanted = Math.round(target / perUnit);
  const setting = Math.min(limit, Math.max(knob === 'SIZE' ? 100 : 1, wanted));
  const window = createKlaviyoStore({ seed: Number(seed), [knob === 'SIZE' ? 'size' : 'ordersPerDay']: setting });
  return { target, wanted, setting, window };
});

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * One measurement: a fresh server (cold caches) and one client run against it. The server is the
 * simulator, or the replay baseline: the same store's first pages served again and again.
 */
async function measure({ target, setting, window }, client, server, limit) {
  const env = { PORT: '0', SEED: seed, RATE_LIMITS: 'off', FAULTS: 'none', [knob]: String(setting) };
  const started = server === 'replay' ? await startReplay(env) : await startSimulator(env);
  try {
    const serverCpuBefore = cpuSeconds(started.child.pid);
    const serverFaultsBefore = pageFaults(started.child.pid);
    const result = await runClient(started.url, started.apiKey, client, window, limit);
    const serverPeakKb = peakRssKb(started.child.pid);
    const serverCpuSeconds = cpuSeconds(started.child.pid) - serverCpuBefore;
    const serverPageFaults = pageFaults(started.child.pid) - serverFaultsBefore;
    return { target, server, ...result, serverPeakKb, serverCpuSeconds, serverPageFaults };
  } finally {
    started.child.kill('SIGTERM');
  }
}

/** Runs one of this folder's measurement scripts in its own process: the JSON line it prints. */
function runMeasurement(script, args, nodeOptions = []) {
  const child = spawn(process.execPath, [...nodeOptions, join(here, script), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`${script} exited with ${code}`))));
  });
}

/** What the store holds after reading `limit` events in `slices` (store-memory.mjs). */
const measureStoreMemory = ({ setting }, slices, limit) =>
  runMeasurement('store-memory.mjs', [simDist, seed, knob, String(setting), String(limit), String(slices)], ['--expose-gc']);

const pageParseText = process.env.BENCH_PAGE_PARSE ?? 'on';
if (!['on', 'off'].includes(pageParseText)) {
  console.error('BENCH_PAGE_PARSE must be on or off');
  process.exit(2);
}
// Klens's client against the baseline of one string per page, on the same pages (page-parse.mjs).
let pageParse;
if (pageParseText === 'on') {
  console.log('\npage parse: Klens\'s client (chunks joined in a kept buffer, runs of resource objects) against a new buffer, one string per page and JSON.parse…');
  const { setting } = stores[stores.length - 1];
  pageParse = await runMeasurement('page-parse.mjs', [simDist, join(root, 'packages', 'core', 'dist'), seed, knob, String(setting)]);
}

const storeMemoryText = process.env.BENCH_STORE_MEMORY ?? 'on';
if (!['on', 'off'].includes(storeMemoryText)) {
  console.error('BENCH_STORE_MEMORY must be on or off');
  process.exit(2);
}

const baselineText = process.env.BENCH_BASELINE ?? 'on';
if (!['on', 'off'].includes(baselineText)) {
  console.error('BENCH_BASELINE must be on or off');
  process.exit(2);
}
const baseline = baselineText === 'on';

// Rounds go over every size and client in turn, so a slow spell of the shared machine lands on
// one run of each rather than on all runs of one; the table shows medians.
const measured = [];
for (let run = 1; run <= runs; run += 1) {
  for (const store of stores) {
    const clamped = store.setting !== store.wanted ? ` (clamped from ${store.wanted})` : '';
    console.log(`\nrun ${run}/${runs}, ~${store.target.toLocaleString('en-US')} events: ${knob}=${store.setting}${clamped}`);
    for (const client of clients) {
      // The baseline right after the simulator, so the two see the machine in the same state, and
      // for as many events as the simulator served: the replay never runs out of pages.
      let served;
      for (const server of baseline ? ['simulator', 'replay'] : ['simulator']) {
        const row = { run, ...(await measure(store, client, server, server === 'replay' ? served : undefined)) };
        served = row.events;
        measured.push(row);
        console.log(
          `  ${client.transport} × ${client.slices}${server === 'replay' ? ' (replay baseline)' : ''}: ${row.events.toLocaleString('en-US')} events in ${row.seconds.toFixed(1)} s ` +
            `(${Math.round(row.events / row.seconds).toLocaleString('en-US')}/s; the client's JSON.parse alone took ${((row.parseSeconds * 1e6) / row.events).toFixed(1)} µs/event)`,
        );
      }
    }
  }
}

// The store's own memory, once per size and slice count: it does not depend on the client.
const storeMemory = [];
if (storeMemoryText === 'on') {
  const sliceCounts = [...new Set(clients.map((client) => client.slices))].sort((a, b) => a - b);
  for (const store of stores) {
    for (const slices of sliceCounts) {
      console.log(`\nstore memory, ~${store.target.toLocaleString('en-US')} events, ${slices} slice${slices > 1 ? 's' : ''} (in-process)…`);
      const row = await measureStoreMemory(store, slices, maxEvents || 1e12);
      storeMemory.push({
        'target events': store.target.toLocaleString('en-US'),
        slices,
        'events read': row.events.toLocaleString('en-US'),
        'store live MB (after full GC)': (row.storeLiveBytes / 1048576).toFixed(0),
        'process peak RSS MB': (row.peakRssBytes / 1048576).toFixed(0),
      });
    }
  }
}

const mb = (kb) => (kb / 1024).toFixed(0);
const rate = (row) => row.events / row.seconds;
const thousands = (value) => Math.round(value).toLocaleString('en-US');
const table = [];
const baselineTable = [];
for (const { target } of stores) {
  for (const { transport, slices } of clients) {
    const of = (server) => measured.filter((row) => row.target === target && row.transport === transport && row.slices === slices && row.server === server);
    const group = of('simulator');
    const rates = group.map(rate);
    const replays = of('replay');
    // Each run's simulator figure over the replay measured right after it, then the median.
    const ratios = group.flatMap((row) => replays.filter((replay) => replay.run === row.run).map((replay) => rate(row) / rate(replay)));
    table.push({
      'target events': target.toLocaleString('en-US'),
      client: `${transport} × ${slices}`,
      'events served': group[0].events.toLocaleString('en-US'),
      'events/s (median)': thousands(median(rates)),
      'events/s (min–max)': `${thousands(Math.min(...rates))}–${thousands(Math.max(...rates))}`,
      ...(baseline ? { 'replay baseline events/s': thousands(median(replays.map(rate))), 'simulator ÷ replay': median(ratios).toFixed(2) } : {}),
      'client JSON.parse µs/event': median(group.map((row) => (row.parseSeconds * 1e6) / row.events)).toFixed(1),
      'JSON.parse ceiling, events/s': thousands(median(group.map((row) => row.events / row.parseSeconds))),
      'MB/s (JSON)': (median(group.map((row) => row.bytes / row.seconds)) / 1e6).toFixed(1),
      'simulator CPU µs/event': median(group.map((row) => (row.serverCpuSeconds * 1e6) / row.events)).toFixed(1),
      'client CPU µs/event': median(group.map((row) => (row.cpuSeconds * 1e6) / row.events)).toFixed(1),
      'simulator page faults per 1k events': median(group.map((row) => (row.serverPageFaults * 1000) / row.events)).toFixed(0),
      'client page faults per 1k events': median(group.map((row) => (row.pageFaults * 1000) / row.events)).toFixed(0),
      'simulator peak RSS MB': mb(Math.max(...group.map((row) => row.serverPeakKb))),
      'client peak RSS MB': mb(Math.max(...group.map((row) => row.peakRssKb))),
    });
    if (baseline) {
      const replayRates = replays.map(rate);
      baselineTable.push({
        'target events': target.toLocaleString('en-US'),
        client: `${transport} × ${slices}`,
        'events/s (median)': thousands(median(replayRates)),
        'events/s (min–max)': `${thousands(Math.min(...replayRates))}–${thousands(Math.max(...replayRates))}`,
        'client JSON.parse µs/event': median(replays.map((row) => (row.parseSeconds * 1e6) / row.events)).toFixed(1),
        'client CPU µs/event': median(replays.map((row) => (row.cpuSeconds * 1e6) / row.events)).toFixed(1),
        'replay server CPU µs/event': median(replays.map((row) => (row.serverCpuSeconds * 1e6) / row.events)).toFixed(1),
        'replay server peak RSS MB': mb(Math.max(...replays.map((row) => row.serverPeakKb))),
      });
    }
  }
}
if (baseline) {
  console.log(`\nBaseline: the same clients against a server replaying the store's first ${REPLAY_PAGES} pages (the same JSON, no generation), each run right after the simulator's`);
  console.log('(the most a client got on this machine in the same run; "simulator ÷ replay" in the table below is the median of the runs\' ratios)');
  console.table(baselineTable);
}
if (pageParse) {
  const ms = (side) => `${side.msPerPage.toFixed(2)} (${side.min.toFixed(2)}–${side.max.toFixed(2)})`;
  console.log(`\nParsing a page in Klens's client: the store's first ${pageParse.pages} event pages with their attributions (${(pageParse.bytesPerPage / 1e6).toFixed(2)} MB each, in 64 kB chunks), in-process, rounds alternated`);
  console.table([
    { parse: 'chunks joined in a new buffer, one string, JSON.parse (baseline)', 'ms/page (median, min–max)': ms(pageParse.whole), 'page faults/page': pageParse.whole.faultsPerPage.toFixed(0) },
    { parse: "chunks joined in a kept buffer, runs of resource objects (Klens's client)", 'ms/page (median, min–max)': ms(pageParse.pieces), 'page faults/page': pageParse.pieces.faultsPerPage.toFixed(0) },
  ]);
  console.log(`(baseline ÷ Klens's client, median of the rounds' ratios: ${pageParse.wholeOverPieces.toFixed(2)})`);
}
if (storeMemory.length > 0) {
  console.log('\nStore memory: the store read in-process (no HTTP), pages of 1000 taken from each slice in turn; "store live" is what the');
  console.log('store still holds after a forced full garbage collection (its caches and memos), peak RSS also counts dead arrays not yet collected');
  console.table(storeMemory);
}
console.log('\nKlaviyo simulator: GET /api/events, page[size]=1000, loopback; client node:http (keep-alive) or fetch, reading 1 or more time slices at once');
if (maxEvents) console.log(`(each client stopped after ${Number(maxEvents).toLocaleString('en-US')} events; "target events" is the store's size)`);
console.log(`(a page fault cost ${faultCostAtStart.toFixed(2)} µs at the start and ${pageFaultMicroseconds().toFixed(2)} µs at the end: page faults per 1k events times that is what mapping new memory cost each side)`);
console.log(`(medians of ${runs} runs; peak RSS is the largest of the runs; "JSON.parse ceiling" is the events/s the client's JSON.parse time alone allowed in the same run: no one-thread client that parses every page can beat it)`);
console.table(table);
