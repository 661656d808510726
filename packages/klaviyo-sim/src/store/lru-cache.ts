/**
 * A small least-recently-used cache. Generated days are kept so that paging through a day does
 * not regenerate it per page, while memory stays bounded however long the window is.
 */
export class LruCache<K, V> {
  readonly #entries = new Map<K, V>();

  constructor(readonly capacity: number) {}

  /** The cached value, or the one `create` makes (which is then cached). */
  getOrCreate(key: K, create: () => V): V {
    const cached = this.#entries.get(key);
    if (cached !== undefined || this.#entries.has(key)) {
      this.#entries.delete(key);
      this.#entries.set(key, cached as V);
      return cached as V;
    }
    const value = create();
    this.#entries.set(key, value);
    if (this.#entries.size > this.capacity) {
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
    return value;
  }

  /** Number of cached entries. */
  get size(): number {
    return this.#entries.size;
  }
}
