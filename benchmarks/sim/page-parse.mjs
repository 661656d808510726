// How Klens's client turns a page of events into objects, against the baseline of joining the
// body's chunks into a new buffer, making it one string and calling JSON.parse (what
// `response.text()` then `JSON.parse` do), on the same pages in the same process, rounds
// alternated. The pages are the simulator's first event pages with their attributions, as Klens's
// sync asks for them, cut in 64 kB chunks as a socket hands them over.
//
// V8 keeps each string over about 128 kB in freshly mapped pages, and on a VM that backs each page
// on first touch that costs more than the parse itself; json-body.ts joins the chunks in a buffer
// it keeps and parses the body in runs of resource objects of up to 64 kB instead. Both results are
// compared once, so a figure is never for a wrong parse. Progress goes to stderr; one JSON line
// with the figures to stdout.
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
const { parseJsonChunks } = await import(pathToFileURL(join(coreDist, 'klaviyo', 'request', 'json-body.js')).href);

const apiKey = 'pk_page_parse_bench';
const store = createKlaviyoStore({ seed: Number(seedText), [knob === 'SIZE' ? 'size' : 'ordersPerDay']: Number(settingText) });
const app = createSimulatorApp(store, { apiKey });
const decoder = new TextDecoder();
const whole = (bytes) => JSON.parse(decoder.decode(bytes));
/** The baseline: a new buffer for the joined chunks, one string, JSON.parse. */
const baseline = (chunks) => whole(Buffer.concat(chunks));
const CHUNK = 64 * 1024;
const chunksOf = (bytes) => Array.from({ length: Math.ceil(bytes.length / CHUNK) }, (_, i) => bytes.slice(i * CHUNK, (i + 1) * CHUNK));

const pages = [];
let url = 'http://sim.bench/api/events?page[size]=1000&include=attributions';
while (url && pages.length < pageCount) {
  const response = await app.request(url, { headers: { Authorization: `Klaviyo-API-Key ${apiKey}`, revision: '2026-07-15' } });
  if (response.status !== 200) throw new Error(`the simulator answered ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  pages.push(bytes);
  url = whole(bytes).links.next;
}
const bytes = pages.reduce((sum, page) => sum + page.length, 0);
const chunked = pages.map(chunksOf);
for (const chunks of chunked) {
  if (!isDeepStrictEqual(parseJsonChunks(chunks), baseline(chunks))) throw new Error('parseJsonChunks and JSON.parse disagree on a page');
}
console.error(`page-parse: ${pages.length} pages of ${(bytes / pages.length / 1e6).toFixed(2)} MB, ${rounds} rounds each way, alternated`);

/** Parses every page once; ms per page and page faults per page. */
function round(parse) {
  const faultsBefore = process.resourceUsage().minorPageFault;
  const started = performance.now();
  let events = 0;
  for (const chunks of chunked) events += parse(chunks).data.length;
  const ms = (performance.now() - started) / pages.length;
  if (events === 0) throw new Error('no events parsed');
  return { ms, faults: (process.resourceUsage().minorPageFault - faultsBefore) / pages.length };
}
// One untimed round each, so both are measured warm.
round(baseline);
round(parseJsonChunks);
const timed = { whole: [], pieces: [] };
for (let i = 0; i < rounds; i += 1) {
  timed.whole.push(round(baseline));
  timed.pieces.push(round(parseJsonChunks));
}
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const summary = (runs) => ({ msPerPage: median(runs.map((run) => run.ms)), min: Math.min(...runs.map((run) => run.ms)), max: Math.max(...runs.map((run) => run.ms)), faultsPerPage: median(runs.map((run) => run.faults)) });
const ratios = timed.whole.map((run, i) => run.ms / timed.pieces[i].ms);
console.log(JSON.stringify({ pages: pages.length, bytesPerPage: bytes / pages.length, whole: summary(timed.whole), pieces: summary(timed.pieces), wholeOverPieces: median(ratios) }));
