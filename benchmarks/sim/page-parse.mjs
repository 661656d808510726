// How Klens's client parses a page of events, against the baseline of making the body one string
// and calling JSON.parse, on the same pages in the same process, rounds alternated. The pages are
// the simulator's first event pages with their attributions, as Klens's sync asks for them.
//
// V8 keeps each string over about 128 kB in freshly mapped pages, and on a VM that backs each page
// on first touch that costs more than the parse itself; json-body.ts parses a body in runs of
// resource objects of up to 64 kB instead. Both results are compared once, so a figure is never
// for a wrong parse. Progress goes to stderr; one JSON line with the figures to stdout.
//
// Usage: node benchmarks/sim/page-parse.mjs <sim dist dir> <core dist dir> <seed> <SIZE|ORDERS_PER_DAY> <setting> [pages] [rounds]
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

const [simDist, coreDist, seedText, knob, settingText, pagesText = '8', roundsText = '15'] = process.argv.slice(2);
const pageCount = Number(pagesText);
const rounds = Number(roundsText);
if (!simDist || !coreDist || !['SIZE', 'ORDERS_PER_DAY'].includes(knob) || !(pageCount >= 1) || !(rounds >= 1)) {
  console.error('usage: page-parse.mjs <sim dist dir> <core dist dir> <seed> <SIZE|ORDERS_PER_DAY> <setting> [pages] [rounds]');
  process.exit(2);
}
const { createKlaviyoStore, createSimulatorApp } = await import(pathToFileURL(join(simDist, 'index.js')).href);
const { parseJsonBody } = await import(pathToFileURL(join(coreDist, 'klaviyo', 'request', 'json-body.js')).href);

const apiKey = 'pk_page_parse_bench';
const store = createKlaviyoStore({ seed: Number(seedText), [knob === 'SIZE' ? 'size' : 'ordersPerDay']: Number(settingText) });
const app = createSimulatorApp(store, { apiKey });
const decoder = new TextDecoder();
const whole = (bytes) => JSON.parse(decoder.decode(bytes));

const pages = [];
let url = 'http://sim.bench/api/events?page[size]=1000&include=attributions';
while (url && pages.length < pageCount) {
  const response = await app.request(url, { headers: { Authorization: `Klaviyo-API-Key ${apiKey}`, revision: '2026-07-15' } });
  if (response.status !== 200) throw new Error(`the simulator answered ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  pages.push(bytes);
  url = whole(bytes).links.next;
}
for (const bytes of pages) {
  if (!isDeepStrictEqual(parseJsonBody(bytes), whole(bytes))) throw new Error('parseJsonBody and JSON.parse disagree on a page');
}
const bytes = pages.reduce((sum, page) => sum + page.length, 0);
console.error(`page-parse: ${pages.length} pages of ${(bytes / pages.length / 1e6).toFixed(2)} MB, ${rounds} rounds each way, alternated`);

/** Parses every page once; ms per page and page faults per page. */
function round(parse) {
  const faultsBefore = process.resourceUsage().minorPageFault;
  const started = performance.now();
  let events = 0;
  for (const page of pages) events += parse(page).data.length;
  const ms = (performance.now() - started) / pages.length;
  if (events === 0) throw new Error('no events parsed');
  return { ms, faults: (process.resourceUsage().minorPageFault - faultsBefore) / pages.length };
}
// One untimed round each, so both are measured warm.
round(whole);
round(parseJsonBody);
const timed = { whole: [], pieces: [] };
for (let i = 0; i < rounds; i += 1) {
  timed.whole.push(round(whole));
  timed.pieces.push(round(parseJsonBody));
}
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const summary = (runs) => ({ msPerPage: median(runs.map((run) => run.ms)), min: Math.min(...runs.map((run) => run.ms)), max: Math.max(...runs.map((run) => run.ms)), faultsPerPage: median(runs.map((run) => run.faults)) });
const ratios = timed.whole.map((run, i) => run.ms / timed.pieces[i].ms);
console.log(JSON.stringify({ pages: pages.length, bytesPerPage: bytes / pages.length, whole: summary(timed.whole), pieces: summary(timed.pieces), wholeOverPieces: median(ratios) }));
