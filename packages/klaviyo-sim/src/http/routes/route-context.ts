import type { KlaviyoStore } from '../../store/types.js';
import { baseUrlOf } from '../links.js';
import type { EventsPage } from './get-events.js';
import type { PageReadAhead } from './page-read-ahead.js';

/** What every route handler gets: the store and where links should point. */
export interface RouteContext {
  store: KlaviyoStore;
  publicBaseUrl: string | undefined;
  /** The next page of events, rendered while the client reads the current one. */
  eventsReadAhead: PageReadAhead<EventsPage>;
}

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
