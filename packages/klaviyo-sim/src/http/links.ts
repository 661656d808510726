/**
 * Absolute URLs for `links`: Klaviyo's are absolute, and clients follow `links.next` as given.
 * The base is the configured public URL if any (behind a proxy), else the request's own origin.
 */
export function baseUrlOf(requestUrl: URL, publicBaseUrl: string | undefined): string {
  return (publicBaseUrl ?? requestUrl.origin).replace(/\/+$/, '');
}

/**
 * The request's own URL on the public base: the collection's `links.self`. The query is
 * re-encoded because raw `[` and `]` (as in `page[size]`) are not allowed in a URI's query.
 */
export function selfLink(base: string, requestUrl: URL): string {
  const query = requestUrl.searchParams.toString();
  return base + requestUrl.pathname + (query ? `?${query}` : '');
}

/** The request's URL with `page[cursor]` replaced: `links.next`, keeping the original query. */
export function cursorLink(base: string, requestUrl: URL, cursor: string): string {
  const params = new URLSearchParams(requestUrl.searchParams);
  params.set('page[cursor]', cursor);
  return `${base}${requestUrl.pathname}?${params.toString()}`;
}

/** `links.self` of a single resource, e.g. `https://a.klaviyo.com/api/events/abc/`. */
export function resourceLink(base: string, collection: string, id: string): string {
  return `${base}/api/${collection}/${encodeURIComponent(id)}/`;
}

/** `links` of a relationship: its identifiers endpoint and the related resource. */
export function relationshipLinks(base: string, collection: string, id: string, relationship: string): { self: string; related: string } {
  const resource = `${base}/api/${collection}/${encodeURIComponent(id)}`;
  return { self: `${resource}/relationships/${relationship}/`, related: `${resource}/${relationship}/` };
}
