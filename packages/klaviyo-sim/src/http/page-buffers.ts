/**
 * Reuses the buffers that pages of events are written into. A page is about a megabyte; a fresh
 * buffer of that size is fresh memory from the system, and writing a page into it faults every
 * 4 kB page of it in, which cost more than copying the page's bytes. A buffer comes back once the
 * response that carried it has been written to the socket (see `AfterSent` in
 * routes/route-context.ts), so no byte is reused while it may still be sent; one that never comes
 * back is left to the GC.
 */
export class PageBufferPool {
  readonly #idle: Buffer[] = [];

  /**
   * @param bytes Size of the pooled buffers (a full page); larger requests get their own buffer.
   * @param keep Idle buffers kept: the pages rendered ahead plus those on the wire.
   */
  constructor(
    readonly bytes: number,
    readonly keep = 8,
  ) {}

  /** A buffer of at least `bytes`: an idle pooled one if there is one. */
  take(bytes: number): Buffer {
    if (bytes > this.bytes) return Buffer.allocUnsafe(bytes);
    return this.#idle.pop() ?? Buffer.allocUnsafe(this.bytes);
  }

  /** Gives back a buffer no one reads any more (pooled sizes only; each once). */
  release(buffer: Buffer): void {
    if (buffer.length !== this.bytes || this.#idle.length >= this.keep || this.#idle.includes(buffer)) return;
    this.#idle.push(buffer);
  }

  /** Idle buffers held. */
  get idle(): number {
    return this.#idle.length;
  }
}
