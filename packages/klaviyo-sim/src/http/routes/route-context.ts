import type { KlaviyoStore } from '../../store/types.js';
import { baseUrlOf } from '../links.js';
import type { EventsPage } from './get-events.js';
import type { PageBufferPool } from '../page-buffers.js';
import type { PageReadAhead } from './page-read-ahead.js';

/** What every route handler gets: the store and where links should point. */
export interface RouteContext {
  store: KlaviyoStore;
  publicBaseUrl: string | undefined;
  /** The next page of events, rendered while the client reads the current one. */
  eventsReadAhead: PageReadAhead<EventsPage>;
  /** Buffers that pages of events are written into, back once their response was sent. */
  eventPageBuffers: PageBufferPool;
}

/**
 * Calls `done` once the response to this request has been handed to the socket in full; a route
 * given none (a request made in-process, say) cannot learn that, and must not reuse what it sent.
 */
export type AfterSent = (done: () => void) => void;

/** A parsed request: its URL and the base that absolute links start with. */
export interface RouteRequest {
  url: URL;
  base: string;
}

/** Reads the request URL once, for parameters and for links. */
export function routeRequest(context: RouteContext, request: Request): RouteRequest {
  const url = new URL(request.url);
  return { url, base: baseUrlOf(url, context.publicBaseUrl) };
}
