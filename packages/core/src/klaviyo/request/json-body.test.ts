import { createKlaviyoStore, createSimulatorApp } from '@klens/klaviyo-sim';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../random/seeded-random.js';
import { parseJsonBody, parseJsonBodyTelling, parseJsonChunks } from './json-body.js';

// parseJsonBody must be JSON.parse of the decoded body, exactly: the same value (and prototypes),
// the same error. JSON.parse over the whole text is the reference every test compares against.
const encode = (text: string) => new TextEncoder().encode(text);
const reference = (bytes: Uint8Array): unknown => JSON.parse(new TextDecoder().decode(bytes));

function expectSameAsJsonParse(bytes: Uint8Array): number {
  const { value, runs } = parseJsonBodyTelling(bytes);
  expect(value).toStrictEqual(reference(bytes));
  return runs;
}

const API_KEY = 'pk_json_body_test';

/** Raw bodies of the simulator's first event pages (Klaviyo's wire format), as a sync asks for them. */
async function eventPages(count: number, query: string): Promise<Uint8Array[]> {
  const app = createSimulatorApp(createKlaviyoStore({ seed: 5, size: 3000 }), { apiKey: API_KEY });
  const pages: Uint8Array[] = [];
  let url: string | undefined = `http://sim.test/api/events?page[size]=1000&${query}`;
  while (url && pages.length < count) {
    const response = await app.request(url, { headers: { Authorization: `Klaviyo-API-Key ${API_KEY}`, revision: '2026-07-15' } });
    expect(response.status).toBe(200);
    const bytes = new Uint8Array(await response.arrayBuffer());
    pages.push(bytes);
    url = (reference(bytes) as { links: { next?: string } }).links.next;
  }
  return pages;
}

describe('parseJsonBody on Klaviyo pages', () => {
  it('parses full event pages with their included attributions in runs, equal to JSON.parse', async () => {
    const pages = await eventPages(4, 'include=attributions');
    expect(pages).toHaveLength(4);
    for (const page of pages) {
      expect(page.length).toBeGreaterThan(256 * 1024);
      // About a megabyte in runs of at most 64 kB: at least a dozen runs, or the pieces were not used.
      expect(expectSameAsJsonParse(page)).toBeGreaterThanOrEqual(12);
    }
    const first = parseJsonBody(pages[0] as Uint8Array) as { data: Array<{ type: string }>; included: unknown[] };
    expect(first.data).toHaveLength(1000);
    expect(first.data.every((event) => event.type === 'event')).toBe(true);
  });

  it('parses small bodies whole', () => {
    const body = encode('{"data":[{"type":"metric","id":"A"},{"type":"metric","id":"B"}],"links":{"self":"x"}}');
    expect(expectSameAsJsonParse(body)).toBe(0);
  });
});

/** A random JSON value of the shapes that make cutting hard: resource-like objects at every depth, and strings that look like the cut. */
function randomValue(random: () => number, depth: number): unknown {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const tricky = [
    '},{"type":"event"', '"},{"type":"', '\\', 'a\\"b', '}]', '[{', 'Crème brûlée', '日本語', '🎉 emoji', '\u2028', 'klens-run:0', '', ' ',
  ];
  const roll = random();
  if (depth > 3 || roll < 0.35) {
    return pick<unknown>([pick(tricky), Math.round(random() * 1e6) / 100, -0, 1e21, true, false, null, `${pick(tricky)}${random()}`]);
  }
  if (roll < 0.55) return Array.from({ length: Math.floor(random() * 6) }, () => randomValue(random, depth + 1));
  const object: Record<string, unknown> = { type: pick(['event', 'profile', 'item', '},{"type":"']) };
  for (let i = Math.floor(random() * 5); i > 0; i -= 1) object[pick(['id', 'attributes', 'items', 'type', 'x'])] = randomValue(random, depth + 1);
  return object;
}

/** A body of a few hundred kB: `data` and `included` arrays of resource objects holding random values. */
function randomDocument(random: () => number): string {
  const resources = (count: number) => Array.from({ length: count }, (_, i) => ({ type: 'event', id: `E${i}`, attributes: { nested: Array.from({ length: 8 }, () => randomValue(random, 0)) } }));
  return JSON.stringify({ data: resources(1200), links: { self: 'https://a.klaviyo.com/api/events', next: null }, included: resources(300) });
}

describe('parseJsonBody on hostile documents', () => {
  it('equals JSON.parse on random documents whose values mimic the cut and nest resource objects', () => {
    const random = seededRandom(20261127);
    let runs = 0;
    for (let round = 0; round < 12; round += 1) {
      const body = encode(randomDocument(random));
      expect(body.length).toBeGreaterThan(256 * 1024);
      runs += expectSameAsJsonParse(body);
    }
    expect(runs).toBeGreaterThan(12 * 4);
  });

  it('keeps a `__proto__` key as an own property, as JSON.parse does, including in a run put back', () => {
    const records = Array.from({ length: 8000 }, (_, i) => `{"type":"event","id":"${i}","__proto__":{"polluted":${i}}}`);
    const body = encode(`{"__proto__":[${records.join(',')}],"data":[${records.join(',')}]}`);
    expect(expectSameAsJsonParse(body)).toBeGreaterThan(0);
    const parsed = parseJsonBody(body) as Record<string, unknown>;
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(Object.hasOwn(parsed, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('parses whole a body that writes U+0000, so no string of it is taken for a run marker', () => {
    const records = Array.from({ length: 8000 }, (_, i) => `{"type":"event","id":"\\u0000klens-run:${i % 3}"}`);
    const body = encode(`{"data":[${records.join(',')}]}`);
    expect(expectSameAsJsonParse(body)).toBe(0);
  });

  it('handles a top-level array, whitespace between objects and a byte-order mark like JSON.parse of the decoded text', () => {
    const records = Array.from({ length: 8000 }, (_, i) => `{"type":"event","id":"${i}","v":[{"type":"x"},{"type":"y"}]}`);
    expect(expectSameAsJsonParse(encode(`[${records.join(',')}]`))).toBeGreaterThan(0);
    expect(expectSameAsJsonParse(encode(`{ "data" : [ ${records.join(' ,\n ')} ] }`))).toBe(0);
    expect(expectSameAsJsonParse(encode(`\ufeff{"data":[${records.join(',')}]}`))).toBeGreaterThan(0);
  });

  it('decodes invalid UTF-8 as TextDecoder does (replacement characters), in runs too', () => {
    const records = Array.from({ length: 8000 }, (_, i) => `{"type":"event","id":"${i}","name":"x@y"}`);
    const body = encode(`{"data":[${records.join(',')}]}`);
    for (let at = body.indexOf(0x40); at >= 0 && at < body.length; at = body.indexOf(0x40, at + 5000)) body[at] = 0xff;
    expect(expectSameAsJsonParse(body)).toBeGreaterThan(0);
  });
});

/** `bytes` cut into chunks of random sizes from 1 byte to `largest`, as a response stream may give them. */
function chunked(bytes: Uint8Array, random: () => number, largest: number): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; ) {
    const size = 1 + Math.floor(random() * largest);
    chunks.push(bytes.slice(at, at + size));
    at += size;
  }
  return chunks;
}

describe('parseJsonChunks', () => {
  it('parses a body in chunks of any size as JSON.parse parses it whole', async () => {
    const random = seededRandom(7);
    const pages = await eventPages(2, 'include=attributions');
    for (const page of pages) {
      for (const largest of [3, 1000, 65_536, 400_000]) expect(parseJsonChunks(chunked(page, random, largest))).toStrictEqual(reference(page));
    }
  });

  it('leaves an earlier result intact when the next body is parsed (the scratch it joins chunks in is reused)', async () => {
    const random = seededRandom(8);
    const [first, second] = (await eventPages(2, '')) as [Uint8Array, Uint8Array];
    const parsed = parseJsonChunks(chunked(first, random, 65_536));
    parseJsonChunks(chunked(second, random, 65_536));
    expect(parsed).toStrictEqual(reference(first));
  });

  it('parses a body larger than the scratch it keeps (8 MB)', () => {
    const record = (i: number) => `{"type":"event","id":"${i}","attributes":{"note":"${'x'.repeat(900)}"}}`;
    const body = encode(`{"data":[${Array.from({ length: 9500 }, (_, i) => record(i)).join(',')}]}`);
    expect(body.length).toBeGreaterThan(8 * 1024 * 1024);
    expect(parseJsonChunks(chunked(body, seededRandom(9), 65_536))).toStrictEqual(reference(body));
  });

  it('throws JSON.parse\'s SyntaxError for a body cut off in chunks', async () => {
    const [page] = (await eventPages(1, '')) as [Uint8Array];
    const cut = page.subarray(0, page.length - 10);
    expect(() => parseJsonChunks(chunked(cut, seededRandom(10), 65_536))).toThrow(SyntaxError);
  });
});

describe('parseJsonBody on broken bodies', () => {
  it('throws the SyntaxError JSON.parse throws for the whole text, wherever a page is cut off', async () => {
    const [page] = await eventPages(1, 'include=attributions');
    const whole = page as Uint8Array;
    for (const share of [0.1, 0.37, 0.5, 0.9, 0.999]) {
      const cut = whole.subarray(0, Math.floor(whole.length * share));
      let expected: unknown;
      try {
        reference(cut);
      } catch (error) {
        expected = error;
      }
      expect(expected).toBeInstanceOf(SyntaxError);
      expect(() => parseJsonBody(cut)).toThrow(expected as SyntaxError);
    }
  });

  it('throws for a body whose runs parse but whose whole does not', () => {
    const records = Array.from({ length: 8000 }, (_, i) => `{"type":"event","id":"${i}"}`);
    const body = encode(`{"data":[${records.join(',')}]]}`);
    expect(() => reference(body)).toThrow(SyntaxError);
    expect(() => parseJsonBody(body)).toThrow(SyntaxError);
  });
});
