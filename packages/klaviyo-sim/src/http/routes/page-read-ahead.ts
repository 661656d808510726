/**
 * Renders the next pages of a listing while the client is still reading the current one.
 *
 * A client paging through events asks for `links.next` as soon as it has parsed a page, so the
 * simulator would otherwise sit idle during the parse and the client idle during the render.
 * Rendering page n+1 right after answering page n overlaps the two. A page is a pure function of
 * the store and its URL, so the page rendered ahead is byte for byte what rendering on request
 * gives. Renders are promises: a request for a page still being rendered waits for that render
 * instead of starting another, and renders yield to the event loop as they go, so that answering
 * requests and flushing responses is never held up by work for later.
 *
 * Clients that read several time slices at once (as Klens's sync does) page through several
 * chains together, and a chain may be rendered more than one page ahead, so a few pages are held:
 * at most `capacity`, the oldest dropped first, so memory does not grow with the store or the
 * number of clients. The default holds two pages ahead for each of 4 chains: Klens's sync reads a
 * metric's backfill in 4 slices, and with room for only 4 pages the second page of each chain
 * pushed out the first page of another, which was then rendered twice.
 */
export class PageReadAhead<Page> {
  readonly #pages = new Map<string, Promise<Page>>();

  constructor(readonly capacity = 8) {}

  /** The page rendered (or being rendered) ahead whose `links.self` is `self`, once; else undefined. */
  take(self: string): Promise<Page> | undefined {
    const page = this.#pages.get(self);
    this.#pages.delete(self);
    return page;
  }

  /** Starts rendering the page `self` on a later turn of the event loop, unless it is already held. */
  schedule(self: string, render: () => Promise<Page>): void {
    const held = this.#pages.get(self);
    this.#pages.delete(self);
    // Re-inserted, so that a burst of requests keeps the newest chains, not the oldest.
    const page =
      held ??
      new Promise<void>((resolve) => setImmediate(resolve)).then(render);
    // A render that fails is reported by the request that takes it; one never taken is dropped quietly.
    page.catch(() => undefined);
    this.#pages.set(self, page);
    for (const oldest of this.#pages.keys()) {
      if (this.#pages.size <= this.capacity) break;
      this.#pages.delete(oldest);
    }
  }
}
