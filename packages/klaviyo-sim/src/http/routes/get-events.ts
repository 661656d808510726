import { hashKey } from '../../random/hash.js';
import type { EventRow } from '../../store/event-rows.js';
import type { EventQuery } from '../../store/types.js';
import { invalidParameter } from '../api-error.js';
import { readEventFilter, type EventFilter } from '../filter/event-filter.js';
import { createEventJsonWriter } from '../event-json.js';
import { createEventTemplateWriter } from '../event-template.js';
import { jsonApiTextResponse } from '../json-api-response.js';
import { Utf8Builder } from '../utf8-builder.js';
import { cursorLink, selfLink } from '../links.js';
import { decodeCursor, encodeCursor } from '../page-cursor.js';
import { QueryParameters } from '../query-parameters.js';
import { rateLimitHeaders } from '../rate-limit-headers.js';
import { attributionIdOf, eventWithAttributions, includedForEvents } from './event-includes.js';
import { METRIC_FIELDS } from './get-metrics.js';
import { routeRequest, type AfterSent, type RouteContext } from './route-context.js';

export const EVENT_FIELDS = ['datetime', 'event_properties', 'id', 'timestamp', 'uuid'] as const;
export const PROFILE_FIELDS = [
  'created', 'email', 'external_id', 'first_name', 'id', 'image', 'last_event_date', 'last_name', 'locale',
  'location', 'location.address1', 'location.address2', 'location.city', 'location.country', 'location.ip',
  'location.latitude', 'location.longitude', 'location.region', 'location.timezone', 'location.zip',
  'organization', 'phone_number', 'properties', 'title', 'updated',
] as const;
const SORTS = ['datetime', '-datetime', 'timestamp', '-timestamp'] as const;
const DECLARED = [
  'fields[attribution]', 'fields[event]', 'fields[metric]', 'fields[profile]', 'filter', 'include',
  'page[cursor]', 'page[size]', 'sort',
] as const;
const DEFAULT_PAGE_SIZE = 200;
const MAX_PAGE_SIZE = 1000;
/** The range of instants a Date can hold; wilder filter bounds are clamped to it. */
const LAST_INSTANT = 8.64e15;

function readPageSize(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_PAGE_SIZE;
  const size = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!(size >= 1 && size <= MAX_PAGE_SIZE)) {
    throw invalidParameter('page[size]', `page[size] must be an integer from 1 to ${MAX_PAGE_SIZE}; got '${raw}'.`);
  }
  return size;
}

function readOrder(raw: string | undefined): 'asc' | 'desc' {
  if (raw === undefined) return 'asc';
  if (!(SORTS as readonly string[]).includes(raw)) {
    throw invalidParameter('sort', `'${raw}' is not a valid sort for events. Valid sorts: ${SORTS.join(', ')}.`);
  }
  return raw.startsWith('-') ? 'desc' : 'asc';
}

const clamp = (instant: number) => Math.min(Math.max(instant, -LAST_INSTANT), LAST_INSTANT);

function storeQuery(filter: EventFilter, order: 'asc' | 'desc'): EventQuery {
  return {
    order,
    ...(filter.matchesNothing ? { metricId: [] } : filter.metricIds ? { metricId: filter.metricIds } : {}),
    ...(filter.profileId !== undefined ? { profileId: filter.profileId } : {}),
    ...(filter.fromMs !== undefined ? { from: new Date(clamp(filter.fromMs)) } : {}),
    ...(filter.toMs !== undefined ? { to: new Date(clamp(filter.toMs)) } : {}),
  };
}

/**
 * Up to `size` rows, and whether more follow. Rows are only positions; the page's JSON is written
 * from them directly.
 */
function takePage(rows: Iterable<EventRow>, size: number): { page: EventRow[]; more: boolean } {
  const page: EventRow[] = [];
  for (const row of rows) {
    if (page.length === size) return { page, more: true };
    page.push(row);
  }
  return { page, more: false };
}

/** Writes each event's JSON: from byte templates without a sparse fieldset, else via the resource object. */
function eventWriterOf(context: RouteContext, base: string, fields: readonly string[] | undefined): (row: EventRow, out: Utf8Builder) => void {
  const reader = context.store.eventReader;
  if (fields !== undefined) return (row, out) => out.append(JSON.stringify(eventWithAttributions(context, base, reader.event(row), fields)));
  return createEventTemplateWriter(base, reader, attributionIdOf, createEventJsonWriter(base, reader, attributionIdOf));
}

/** A rendered page of events: the JSON body as UTF-8 and, when there is one, the next page's request URL. */
export interface EventsPage {
  body: Uint8Array<ArrayBuffer>;
  /** The buffer `body` lies in, to give back to the pool once the response is sent. */
  buffer: Buffer;
  next?: { self: string; url: URL };
}

/** Bytes of a page of a thousand events, about 1 kB each: one buffer in the common case. */
const EVENT_PAGE_BYTES = 1_100_000;
/** Room for the links after the events. */
const PAGE_TAIL_BYTES = 4096;
/** The buffer a full page is written into (see PageBufferPool). */
export const EVENT_PAGE_BUFFER_BYTES = EVENT_PAGE_BYTES + PAGE_TAIL_BYTES;
/** Pages rendered ahead of the client on each cursor chain (see {@link getEvents}). */
const READ_AHEAD_PAGES = 2;

const COMMA = 0x2c;

/** Events written between yields to the event loop when a page is rendered ahead. */
const EVENTS_PER_SLICE = 25;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Renders a page of events. With `yielding`, the writing pauses every {@link EVENTS_PER_SLICE}
 * events for the event loop, so that requests and socket writes go on while a page is rendered
 * ahead; the bytes are the same either way.
 */
async function renderEvents(context: RouteContext, url: URL, base: string, yielding: boolean): Promise<EventsPage> {
  const { store } = context;
  const params = new QueryParameters(url, DECLARED);
  const filter = readEventFilter(params.single('filter'));
  const order = readOrder(params.single('sort'));
  const pageSize = readPageSize(params.single('page[size]'));
  const include = params.list('include', ['attributions', 'metric', 'profile']) ?? [];
  const eventFields = params.list('fields[event]', EVENT_FIELDS);
  const metricFields = params.list('fields[metric]', METRIC_FIELDS);
  const profileFields = params.list('fields[profile]', PROFILE_FIELDS);
  params.list('fields[attribution]', ['id']);

  const query = storeQuery(filter, order);
  // The key covers what decides the sequence of events, so a cursor cannot jump between queries.
  const key = hashKey(store.account.id, 'events', JSON.stringify({ ...query, metricId: [query.metricId ?? '*'].flat().sort() })).toString(16);
  const cursor = params.single('page[cursor]');
  if (cursor !== undefined) {
    const state = decodeCursor(cursor, key);
    query.after = { datetime: new Date(clamp(state.at)), id: state.id };
  }

  const { page, more } = takePage(store.eventRows(query), pageSize);
  const last = page[page.length - 1];
  const links: Record<string, string> = { self: selfLink(base, url) };
  let next: EventsPage['next'];
  if (more && last) {
    const nextCursor = encodeCursor({ at: store.eventReader.instant(last), id: store.eventReader.id(last), key });
    links.next = cursorLink(base, url, nextCursor);
    const nextUrl = new URL(url);
    nextUrl.searchParams.set('page[cursor]', nextCursor);
    next = { self: selfLink(base, nextUrl), url: nextUrl };
  }

  // The body is JSON.stringify({ data, links, included? }) written piecewise: events are the bulk.
  const expected = Math.ceil((EVENT_PAGE_BYTES * page.length) / MAX_PAGE_SIZE) + PAGE_TAIL_BYTES;
  const body = new Utf8Builder(expected, context.eventPageBuffers.take(expected)).append('{"data":[');
  const write = eventWriterOf(context, base, eventFields);
  for (let index = 0; index < page.length; index += 1) {
    if (yielding && index > 0 && index % EVENTS_PER_SLICE === 0) await nextTurn();
    if (index > 0) body.appendByte(COMMA);
    write(page[index] as EventRow, body);
  }
  body.append(`],"links":${JSON.stringify(links)}`);
  if (include.length > 0) {
    const included = includedForEvents(context, base, page.map(store.eventReader.event), include, { metric: metricFields, profile: profileFields });
    body.append(`,"included":${JSON.stringify(included)}`);
  }
  body.append('}');
  return { body: body.toBytes(), buffer: body.buffer, ...(next ? { next } : {}) };
}

/**
 * `GET /api/events` (get_events): events filtered by metric, profile and time, sorted by
 * datetime, with cursor paging that seeks straight to the cursor's day. The next pages are
 * rendered ahead while the client reads this one (see {@link PageReadAhead}).
 */
export async function getEvents(context: RouteContext, request: Request, afterSent?: AfterSent): Promise<Response> {
  const { url, base } = routeRequest(context, request);
  const { eventsReadAhead } = context;
  const page = await (eventsReadAhead.take(selfLink(base, url)) ?? renderEvents(context, url, base, false));
  // Two pages ahead: when rendering is quicker than the client's parsing, the simulator keeps a
  // page in hand instead of waiting for each request, so jitter on either side costs no throughput.
  const renderAhead = (next: EventsPage['next'], depth: number): void => {
    if (!next) return;
    eventsReadAhead.schedule(next.self, async () => {
      const ahead = await renderEvents(context, next.url, base, true);
      if (depth > 1) renderAhead(ahead.next, depth - 1);
      return ahead;
    });
  };
  renderAhead(page.next, READ_AHEAD_PAGES);
  afterSent?.(() => context.eventPageBuffers.release(page.buffer));
  return jsonApiTextResponse(page.body, 200, rateLimitHeaders('get_events'));
}
