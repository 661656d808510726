// `pnpm bench:sim`: how fast the Klaviyo simulator serves events to a client over loopback, and
// how much memory each side needs, as the store grows from 100k to 10M events.
//
// For each size it starts the built simulator CLI in its own process (RATE_LIMITS=off: Klaviyo's
// 3500 requests/min on GET /api/events would cap the rate at about 58k events/s), pages through
// every event with consume-events.mjs in a second process (a plain fetch loop following
// links.next at page[size]=1000), and reads both processes' peak RSS. Progress is printed while it
// runs; the figures come last, as a table.
//
// Env: BENCH_SIZES (comma-separated event counts, default 100000,1000000,10000000), SEED (default 1),
// BENCH_MAX_EVENTS (default 1000000: each client stops after this many events, so the 10M store is
// measured on its first million events instead of an hour of paging; `all` pages through everything;
// the table says how many were served).
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
  for (const _ of store.events()) events += 1;
  return { knob, perUnit: events / (knob === 'SIZE' ? CALIBRATION_SIZE : 10), limit: knob === 'SIZE' ? 5_000_000 : 100_000 };
}

/** CPU seconds (user + system) a running process has used, from /proc (Linux; clock ticks of 1/100 s). */
function cpuSeconds(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Peak resident set size of a running process, in kB, from /proc (Linux). */
function peakRssKb(pid) {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) : NaN;
}

function startSimulator(env) {
  const child = spawn(process.execPath, [join(simDist, 'cli.js')], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /Klaviyo simulator on (\S+) \(API key (\S+),/.exec(out);
      if (match) resolve({ child, url: match[1], apiKey: match[2] });
    });
    child.once('exit', (code) => reject(new Error(`the simulator exited with ${code} before listening: ${out}`)));
  });
}

const maxEventsText = process.env.BENCH_MAX_EVENTS ?? '1000000';
const maxEvents = maxEventsText === 'all' ? '' : maxEventsText;
if (maxEvents && !(Number(maxEvents) >= 1000)) {
  console.error('BENCH_MAX_EVENTS must be an integer of at least 1000, or "all"');
  process.exit(2);
}

function runClient(url, apiKey) {
  const child = spawn(process.execPath, [join(here, 'consume-events.mjs'), url, apiKey, maxEvents], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`the client exited with ${code}`))));
  });
}

console.log(`bench:sim: counting the events of a SIZE=${CALIBRATION_SIZE} store to calibrate the sizes…`);
const { knob, perUnit, limit } = calibrate();
console.log(`bench:sim: ${perUnit.toFixed(1)} events per unit of ${knob} (seed ${seed}); sizes ${sizes.join(', ')}`);
const rows = [];
for (const target of sizes) {
  const wanted = Math.round(target / perUnit);
  const setting = Math.min(limit, Math.max(knob === 'SIZE' ? 100 : 1, wanted));
  console.log(`\n~${target.toLocaleString('en-US')} events: ${knob}=${setting}${setting !== wanted ? ` (clamped from ${wanted})` : ''}`);
  const sim = await startSimulator({ PORT: '0', SEED: seed, RATE_LIMITS: 'off', FAULTS: 'none', [knob]: String(setting) });
  try {
    const simCpuBefore = cpuSeconds(sim.child.pid);
    const result = await runClient(sim.url, sim.apiKey);
    const simPeak = peakRssKb(sim.child.pid);
    rows.push({ target, ...result, simPeakKb: simPeak, simCpuSeconds: cpuSeconds(sim.child.pid) - simCpuBefore });
    console.log(`  done: ${result.events.toLocaleString('en-US')} events in ${result.seconds.toFixed(1)} s`);
  } finally {
    sim.child.kill('SIGTERM');
  }
}

const mb = (kb) => (kb / 1024).toFixed(0);
const table = rows.map((row) => ({
  'target events': row.target.toLocaleString('en-US'),
  'events served': row.events.toLocaleString('en-US'),
  seconds: row.seconds.toFixed(1),
  'events/s': Math.round(row.events / row.seconds).toLocaleString('en-US'),
  'MB/s (JSON)': (row.bytes / row.seconds / 1e6).toFixed(1),
  'simulator CPU µs/event': ((row.simCpuSeconds * 1e6) / row.events).toFixed(1),
  'client CPU µs/event': ((row.cpuSeconds * 1e6) / row.events).toFixed(1),
  'simulator peak RSS MB': mb(row.simPeakKb),
  'client peak RSS MB': mb(row.peakRssKb),
}));
console.log('\nKlaviyo simulator: GET /api/events, page[size]=1000, loopback, plain fetch client');
if (maxEvents) console.log(`(each client stopped after ${Number(maxEvents).toLocaleString('en-US')} events; "target events" is the store's size)`);
console.table(table);
