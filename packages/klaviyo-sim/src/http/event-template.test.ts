import { beforeAll, describe, expect, it } from 'vitest';
import { createKlaviyoStore } from '../store/create-klaviyo-store.js';
import type { EventReader, EventRow } from '../store/event-rows.js';
import type { KlaviyoStore } from '../store/types.js';
import { createEventJsonWriter } from './event-json.js';
import { createEventTemplateWriter } from './event-template.js';
import { attributionIdOf, eventWithAttributions } from './routes/event-includes.js';
import type { RouteContext } from './routes/route-context.js';
import { Utf8Builder } from './utf8-builder.js';

const BASE = 'https://sim.example.test';
let store: KlaviyoStore;
let rows: EventRow[];

beforeAll(() => {
  store = createKlaviyoStore({ seed: 12, size: 400, months: 2, currency: 'EUR' });
  rows = [...store.eventRows()];
});

/** What the resource objects serialize to: the definition both fast writers must match. */
function expected(row: EventRow): string {
  const context = { store } as RouteContext;
  return JSON.stringify(eventWithAttributions(context, BASE, store.eventReader.event(row), undefined));
}

function written(write: (row: EventRow, out: Utf8Builder) => void, page: readonly EventRow[]): string {
  const out = new Utf8Builder(64);
  page.forEach((row, index) => {
    if (index > 0) out.append(',');
    write(row, out);
  });
  return Buffer.from(out.toBytes()).toString('utf8');
}

describe('event JSON writers', () => {
  it('write every event of a store exactly as JSON.stringify of its resource', () => {
    const text = createEventJsonWriter(BASE, store.eventReader, attributionIdOf);
    const bytes = createEventTemplateWriter(BASE, store.eventReader, attributionIdOf, text);
    const kinds = new Set(rows.map((row) => store.eventReader.metric(row)));
    expect(kinds.size).toBeGreaterThanOrEqual(10);
    expect(rows.some((row) => store.eventReader.orderAttribution(row))).toBe(true);
    for (const row of rows) expect(text(row)).toBe(expected(row));
    expect(written(bytes, rows)).toBe(rows.map(expected).join(','));
  });

  it('falls back to the string writer when a field is not its usual width, bytes unchanged', () => {
    const reader: EventReader = { ...store.eventReader, metricId: (row) => `${store.eventReader.metricId(row)}-é` };
    const text = createEventJsonWriter(BASE, reader, attributionIdOf);
    const bytes = createEventTemplateWriter(BASE, reader, attributionIdOf, text);
    const page = rows.slice(0, 50);
    const out = written(bytes, page);
    expect(out).toContain('-é"');
    expect(out).toBe(page.map(text).join(','));
  });

  it('falls back for timestamps of other than ten digits and datetimes past year 9999', () => {
    for (const [instant, expected] of [
      [Date.parse('1999-12-31T23:59:59Z'), '"timestamp":946684799,'],
      [Date.parse('+020000-01-01T00:00:00Z'), `"timestamp":${Date.parse('+020000-01-01T00:00:00Z') / 1000},`],
    ] as const) {
      const reader: EventReader = { ...store.eventReader, instant: () => instant };
      const text = createEventJsonWriter(BASE, reader, attributionIdOf);
      const out = written(createEventTemplateWriter(BASE, reader, attributionIdOf, text), rows.slice(0, 5));
      expect(out).toContain(expected);
      expect(out).toBe(rows.slice(0, 5).map(text).join(','));
    }
  });

  it('escape the base URL once for every link', () => {
    const base = 'http://sim.test/a"b';
    const bytes = createEventTemplateWriter(base, store.eventReader, attributionIdOf, createEventJsonWriter(base, store.eventReader, attributionIdOf));
    const event = JSON.parse(written(bytes, rows.slice(0, 1))) as { links: { self: string } };
    expect(event.links.self).toBe(`${base}/api/events/${store.eventReader.id(rows[0]!)}/`);
  });
});

describe('Utf8Builder', () => {
  it('grows past its first guess and keeps multi-byte text intact', () => {
    const out = new Utf8Builder(4);
    const pieces = ['plain', 'é', '€ and 😀', 'x'.repeat(10_000)];
    for (const piece of pieces) out.append(piece);
    expect(Buffer.from(out.toBytes()).toString('utf8')).toBe(pieces.join(''));
    expect(out.length).toBe(Buffer.byteLength(pieces.join('')));
  });
});
