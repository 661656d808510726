// The benchmark's client: pages through every event of a running simulator over loopback with
// a plain fetch loop that follows links.next (page[size]=1000), parsing each page as a client
// would. Progress goes to stderr; one JSON line with the figures goes to stdout.
//
// Usage: node benchmarks/sim/consume-events.mjs <base url> <api key> [max events]
const [baseUrl, apiKey, maxText] = process.argv.slice(2);
const maxEvents = maxText ? Number(maxText) : Infinity;
if (!baseUrl || !apiKey) {
  console.error('usage: consume-events.mjs <base url> <api key>');
  process.exit(2);
}

const headers = { Authorization: `Klaviyo-API-Key ${apiKey}`, revision: '2026-07-15', accept: 'application/vnd.api+json' };
const PROGRESS_EVERY_MS = 5000;

let url = `${baseUrl}/api/events?page[size]=1000`;
let events = 0;
let pages = 0;
let bytes = 0;
const started = performance.now();
let lastReport = started;
while (url && events < maxEvents) {
  const response = await fetch(url, { headers });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}: ${text.slice(0, 300)}`);
  const page = JSON.parse(text);
  events += page.data.length;
  bytes += text.length;
  pages += 1;
  url = page.links.next;
  const now = performance.now();
  if (now - lastReport > PROGRESS_EVERY_MS) {
    lastReport = now;
    const seconds = (now - started) / 1000;
    console.error(`  … ${events.toLocaleString('en-US')} events in ${seconds.toFixed(1)} s (${Math.round(events / seconds).toLocaleString('en-US')}/s)`);
  }
}
const seconds = (performance.now() - started) / 1000;
// maxRSS is in kilobytes: the client's peak resident memory over the whole run. CPU time is the
// client's share of the machine's work, which a busy machine does not inflate the way it does seconds.
const cpu = process.cpuUsage();
console.log(JSON.stringify({ events, pages, bytes, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, peakRssKb: process.resourceUsage().maxRSS }));
