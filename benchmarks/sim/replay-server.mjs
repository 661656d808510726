// The benchmark's baseline server: it copies the first pages of a running simulator's events and
// then serves them again and again, with no work per request beyond writing bytes that are ready.
// A client paging through it gets the most it can get on this machine at that moment: the same
// JSON, the same page size, the same loopback, but no store behind it. bench:sim runs each client
// against it right after the simulator, so "simulator ÷ replay" says what the simulator costs the
// client, whatever the speed of the shared machine was in that run.
//
// Its links.next point back to itself (`page[cursor]=replay-<n>`, cycling over the pages held), so
// a client never reaches the end: it stops after its own `max events`, as it does on the simulator.
//
// Usage: node benchmarks/sim/replay-server.mjs <simulator base url> <api key> <pages to hold>
// Prints `Replay server on <url> (<n> pages)` once it listens with its pages copied.
import http from 'node:http';
import { createHttpGet } from './http-get.mjs';

const [simulatorUrl, apiKey, pagesText = '8'] = process.argv.slice(2);
const held = Number(pagesText);
if (!simulatorUrl || !apiKey || !(Number.isInteger(held) && held >= 1 && held <= 64)) {
  console.error('usage: replay-server.mjs <simulator base url> <api key> <pages to hold, 1 to 64>');
  process.exit(2);
}

const headers = { Authorization: `Klaviyo-API-Key ${apiKey}`, revision: '2026-07-15', accept: 'application/vnd.api+json' };

const get = createHttpGet(headers);

const bodies = [];
const server = http.createServer((request, response) => {
  const cursor = /[?&]page(?:%5B|\[)cursor(?:%5D|\])=replay-(\d+)/.exec(request.url ?? '');
  const body = bodies[cursor ? Number(cursor[1]) % bodies.length : 0];
  if (!request.url?.startsWith('/api/events') || !body) {
    response.writeHead(404, { 'content-type': 'application/vnd.api+json' }).end('{"errors":[{"status":"404","code":"not_found","title":"Not found."}]}');
    return;
  }
  response.writeHead(200, { 'content-type': 'application/vnd.api+json', 'content-length': body.length }).end(body);
});

server.listen(0, '127.0.0.1', async () => {
  const own = `http://127.0.0.1:${server.address().port}`;
  const pages = [];
  for (let next = `${simulatorUrl}/api/events?page[size]=1000`; next && pages.length < held; ) {
    const { status, text } = await get(next);
    if (status !== 200) {
      console.error(`the simulator answered ${status}: ${text.slice(0, 300)}`);
      process.exit(1);
    }
    const page = JSON.parse(text);
    pages.push(page);
    next = page.links.next;
  }
  pages.forEach((page, i) => {
    // The simulator's own self links stay: they are the bulk of the bytes, as on the wire.
    page.links.next = `${own}/api/events?page%5Bsize%5D=1000&page%5Bcursor%5D=replay-${(i + 1) % pages.length}`;
    bodies.push(Buffer.from(JSON.stringify(page)));
  });
  console.log(`Replay server on ${own} (${bodies.length} pages)`);
});
