// The benchmark's client: pages through the events of a running simulator over loopback,
// following links.next at page[size]=1000 and parsing each page as a client would. Progress goes
// to stderr; one JSON line with the figures goes to stdout.
//
// Four transports, all parsing every page:
// - `http`: node:http with a keep-alive agent, reading the body as bytes; one request at a time.
// - `http-ahead`: the same, but it asks for the next page as soon as a page's bytes are in, reading
//   links.next from the end of the body (checked against the parsed page), so the next page is on
//   the wire while this one is parsed, as Klens's client does.
// - `fetch`: the global fetch (undici), one request at a time; it spends more CPU moving the body
//   through web streams.
// - `klens`: Klens's own Klaviyo client (packages/core, over fetch), as a sync reads events. It asks
//   for the next page as soon as a page arrives, so the next page is on the wire while this one is
//   handled. Its rate limiter is replaced by one that never waits: the simulator runs with
//   RATE_LIMITS=off, and the point is what the two sides can do, not Klaviyo's quota.
//
// With `slices` > 1 it reads that many equal time slices of [from, to) at once, each on its own
// connection, as Klens's sync backfills events: one slice's page is parsed while another's is
// on the wire. Each slice stops after its share of `max events`.
//
// Usage: node benchmarks/sim/consume-events.mjs <base url> <api key> <max events|''> <http|http-ahead|fetch|klens> <slices> <from ISO> <to ISO>
import http from 'node:http';
import { createHttpGet } from './http-get.mjs';

const [baseUrl, apiKey, maxText, transport = 'http', slicesText = '1', from, to] = process.argv.slice(2);
const maxEvents = maxText ? Number(maxText) : Infinity;
const slices = Number(slicesText);
if (!baseUrl || !apiKey || !['http', 'http-ahead', 'fetch', 'klens'].includes(transport) || !(slices >= 1) || (slices > 1 && !(from && to))) {
  console.error('usage: consume-events.mjs <base url> <api key> <max events> <http|http-ahead|fetch|klens> <slices> <from ISO> <to ISO>');
  process.exit(2);
}

// Time spent in JSON.parse, whoever calls it (this loop or Klens's client): the ceiling that
// parsing alone puts on a one-thread client, measured in the run itself.
let parseSeconds = 0;
const parseJson = JSON.parse;
JSON.parse = (text, reviver) => {
  const started = performance.now();
  try {
    return parseJson(text, reviver);
  } finally {
    parseSeconds += (performance.now() - started) / 1000;
  }
};

const headers = { Authorization: `Klaviyo-API-Key ${apiKey}`, revision: '2026-07-15', accept: 'application/vnd.api+json' };
const PROGRESS_EVERY_MS = 5000;
const agent = new http.Agent({ keepAlive: true, maxSockets: slices });

/** GET over node:http: status and body text. */
const httpGet = createHttpGet(headers, agent);

/** GET over fetch: status and body text. */
async function fetchGet(url) {
  const response = await fetch(url, { headers });
  return { status: response.status, text: await response.text() };
}

const get = transport === 'fetch' ? fetchGet : httpGet;
// Loaded before the clock starts: the figure is the rate of paging, not how long Node takes to
// load Klens's modules (about a third of a second, a third of the 100k store's whole run).
const { createKlaviyoClient } = transport === 'klens' ? await import('../../packages/core/dist/index.js') : {};
let events = 0;
let pages = 0;
let bytes = 0;

/** Pages of a listing through Klens's client, as `{ data, links }` bodies. */
async function* klensPages(url) {
  // Bytes counted from Content-Length: the client reads and parses the body itself.
  const counting = async (input, init) => {
    const response = await fetch(input, init);
    bytes += Number(response.headers.get('content-length') ?? 0);
    return response;
  };
  const klaviyo = createKlaviyoClient({ apiKey, baseUrl, fetch: counting, rateLimiter: { acquire: async () => {} }, maxConcurrency: slices * 2 });
  const pages = klaviyo.pages(url);
  try {
    for (;;) {
      let step = await pages.next();
      if (step.done) return;
      let body = step.value.body;
      step = undefined;
      yield body;
      body = undefined; // let go before the next page (see readSlice)
    }
  } finally {
    await pages.return();
  }
}

/** The `links.next` of a page, read from the end of its text (`…"next":"<url>"}}`), without parsing it all. */
function nextLinkOf(text) {
  const at = text.lastIndexOf('"next":"');
  return at < 0 ? undefined : JSON.parse(text.slice(at + 7, text.indexOf('"', at + 8) + 1));
}

/** Pages of a listing over `get`, each requested as soon as the page before it has arrived. */
async function* aheadPages(url) {
  const request = (target) => {
    const response = get(target);
    // Thrown where it is awaited; the request left over when the client stops is not an error.
    response.catch(() => undefined);
    return response;
  };
  for (let pending = request(url); pending; ) {
    const { status, text } = await pending;
    if (status !== 200) throw new Error(`answered ${status}: ${text.slice(0, 300)}`);
    const next = nextLinkOf(text);
    pending = next ? request(next) : undefined;
    // node:http writes the request on a later turn of the event loop, and JSON.parse below holds
    // the loop for milliseconds: without this turn the request would leave only after the parse.
    if (pending) await new Promise((resolve) => setImmediate(resolve));
    let page = JSON.parse(text);
    if ((page.links.next ?? undefined) !== next) throw new Error(`links.next read from the end of the body (${next}) is not the page's (${page.links.next})`);
    bytes += text.length;
    yield page;
    page = undefined; // let go before the next page (see readSlice)
  }
}

/** Pages of a listing over `get`, one request at a time. */
async function* plainPages(url) {
  for (let next = url; next; ) {
    const { status, text } = await get(next);
    if (status !== 200) throw new Error(`GET ${next} answered ${status}: ${text.slice(0, 300)}`);
    let page = JSON.parse(text);
    bytes += text.length;
    next = page.links.next;
    yield page;
    page = undefined; // let go before the next page (see readSlice)
  }
}

const started = performance.now();
// Page faults while paging (not while Node starts): each costs microseconds on a VM (see bench-sim.mjs).
const faultsBefore = process.resourceUsage().minorPageFault;
let lastReport = started;

/** Pages through one slice until it ends or has read `limit` events. */
async function readSlice(firstUrl, limit) {
  let read = 0;
  const pagesOf = { klens: klensPages, 'http-ahead': aheadPages }[transport] ?? plainPages;
  // Not for await: a suspended async function keeps its locals, dead or not, so the loop would hold
  // each page until the next arrived. With 4 slices that kept pages alive across collections of the
  // young generation: 1.2 GB promoted to the old one per million events, a third of the client's CPU.
  // A consumer that stores each page lets go of it once stored; so does this one.
  const listing = pagesOf(firstUrl);
  for (;;) {
    let step = await listing.next();
    if (step.done) break;
    const count = step.value.data.length;
    step = undefined;
    read += count;
    events += count;
    pages += 1;
    if (read >= limit) {
      await listing.return();
      break;
    }
    const now = performance.now();
    if (now - lastReport > PROGRESS_EVERY_MS) {
      lastReport = now;
      const seconds = (now - started) / 1000;
      console.error(`  … ${events.toLocaleString('en-US')} events in ${seconds.toFixed(1)} s (${Math.round(events / seconds).toLocaleString('en-US')}/s)`);
    }
  }
}

const first = `${baseUrl}/api/events?page[size]=1000`;
if (slices === 1) await readSlice(first, maxEvents);
else {
  // Equal time slices, bounds in whole seconds: greater-or-equal the start, less-than the end.
  const start = Date.parse(from);
  const span = Date.parse(to) - start;
  const bound = (i) => new Date(Math.floor((start + (span * i) / slices) / 1000) * 1000).toISOString().replace('.000Z', 'Z');
  const sliceUrl = (i) => `${first}&filter=and(greater-or-equal(datetime,${bound(i)}),less-than(datetime,${bound(i + 1)}))`;
  await Promise.all(Array.from({ length: slices }, (_, i) => readSlice(sliceUrl(i), maxEvents / slices)));
}
const seconds = (performance.now() - started) / 1000;
agent.destroy();
// maxRSS is in kilobytes: the client's peak resident memory over the whole run. CPU time is the
// client's share of the machine's work, which a busy machine does not inflate the way it does seconds.
const cpu = process.cpuUsage();
const usage = process.resourceUsage();
console.log(JSON.stringify({ transport, slices, events, pages, bytes, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, parseSeconds, peakRssKb: usage.maxRSS, pageFaults: usage.minorPageFault - faultsBefore }));
