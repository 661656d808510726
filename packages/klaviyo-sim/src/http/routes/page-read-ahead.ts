/**
 * Renders the next page of a listing while the client is still reading the current one.
 *
 * A client paging through events asks for `links.next` as soon as it has parsed a page, so the
 * simulator would otherwise sit idle during the parse and the client idle during the render.
 * Rendering page n+1 right after answering page n overlaps the two. A page is a pure function of
 * the store and its URL, so the page rendered ahead is byte for byte what rendering on request
 * gives.
 *
 * Clients that read several time slices at once (as Klens's sync does) page through several
 * chains together, and a chain may be rendered more than one page ahead, so a few pages are held:
 * at most `capacity`, the oldest dropped first, so memory does not grow with the store or the
 * number of clients.
 */
export class PageReadAhead<Page> {
  readonly #pages = new Map<string, Page | undefined>();

  constructor(readonly capacity = 4) {}

  /** The page rendered ahead whose `links.self` is `self`, once; else undefined. */
  take(self: string): Page | undefined {
    const page = this.#pages.get(self);
    this.#pages.delete(self);
    return page;
  }

  /** Renders the page `self` once the current response is on its way, unless it is already held or on its way. */
  schedule(self: string, render: () => Page): void {
    // Reserved now, so that a burst of requests keeps the newest chains, not the oldest.
    const held = this.#pages.has(self);
    const page = this.#pages.get(self);
    this.#pages.delete(self);
    this.#pages.set(self, page);
    if (held) return;
    for (const oldest of this.#pages.keys()) {
      if (this.#pages.size <= this.capacity) break;
      this.#pages.delete(oldest);
    }
    setImmediate(() => {
      // Taken (rendered on request instead) or pushed out since: nothing to do.
      if (!this.#pages.has(self) || this.#pages.get(self) !== undefined) return;
      try {
        this.#pages.set(self, render());
      } catch {
        // Not expected (the URL came from a valid page); the request itself will render and report it.
        this.#pages.delete(self);
      }
    });
  }
}
