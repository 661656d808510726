/**
 * Renders the next page of a listing while the client is still reading the current one.
 *
 * A client paging through events asks for `links.next` as soon as it has parsed a page, so the
 * simulator would otherwise sit idle during the parse and the client idle during the render.
 * Rendering page n+1 right after answering page n overlaps the two. A page is a pure function of
 * the store and its URL, so the page rendered ahead is byte for byte what rendering on request
 * gives. Only one page is held, so memory does not grow with the store.
 */
export class PageReadAhead<Page> {
  #self: string | undefined;
  #page: Page | undefined;
  #scheduled = 0;

  /** The page rendered ahead whose `links.self` is `self`, once; else undefined. */
  take(self: string): Page | undefined {
    const page = this.#self === self ? this.#page : undefined;
    this.#self = undefined;
    this.#page = undefined;
    return page;
  }

  /** Renders the page `self` once the current response is on its way; a newer schedule wins. */
  schedule(self: string, render: () => Page): void {
    const ticket = (this.#scheduled += 1);
    setImmediate(() => {
      if (ticket !== this.#scheduled) return;
      try {
        this.#page = render();
        this.#self = self;
      } catch {
        // Not expected (the URL came from a valid page); the request itself will render and report it.
      }
    });
  }
}
