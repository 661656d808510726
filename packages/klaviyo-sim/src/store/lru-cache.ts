/**
 * A small least-recently-used cache bounded by its number of entries, for memos whose entries
 * weigh about the same (lapse blocks, model memos). Caches of event data use {@link WeightedLruCache}.
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

  /** The cached value, if any (now the most recent). */
  get(key: K): V | undefined {
    if (!this.#entries.has(key)) return undefined;
    const value = this.#entries.get(key) as V;
    this.#entries.delete(key);
    this.#entries.set(key, value);
    return value;
  }

  /** Caches `value` as the most recent entry, in place of any held for `key`. */
  set(key: K, value: V): void {
    this.#entries.delete(key);
    this.getOrCreate(key, () => value);
  }

  /** Number of cached entries. */
  get size(): number {
    return this.#entries.size;
  }
}

/**
 * A least-recently-used cache bounded by the total weight of its entries (e.g. events held)
 * rather than their number: one busy day at a million profiles outweighs a hundred quiet ones.
 * The most recent entry is always kept, however heavy. Entries still needed (`needs`) are evicted
 * only after every other one: least recently used is a poor guess when several readers walk
 * through the keys at different speeds (see createDayAssembler).
 */
export class WeightedLruCache<K, V> {
  readonly #entries = new Map<K, { value: V; weight: number }>();
  #total = 0;

  /**
   * @param budget Most total weight held.
   * @param weigh The weight of a value (e.g. events it holds).
   * @param maxEntries Most entries held, whatever their weight: a cache whose reuse spans a
   *   known number of entries (the layers one day needs) holds no more, however light they are.
   * @param needs Which keys will be asked for again soon (`isNeeded`): such entries go last. And
   *   the most entries held that are not needed (`maxIdle`, default no limit).
   */
  constructor(
    readonly budget: number,
    readonly weigh: (value: V) => number,
    readonly maxEntries = Infinity,
    readonly needs: { isNeeded: (key: K) => boolean; maxIdle?: number } = { isNeeded: () => false },
  ) {}

  /** The cached value, or the one `create` makes (which is then cached). */
  getOrCreate(key: K, create: () => V): V {
    const cached = this.#entries.get(key);
    if (cached) {
      this.#entries.delete(key);
      this.#entries.set(key, cached);
      return cached.value;
    }
    const value = create();
    const weight = Math.max(1, this.weigh(value));
    this.#entries.set(key, { value, weight });
    this.#total += weight;
    this.#evict(key);
    return value;
  }

  /**
   * Puts `value` in place of the entry held for `key` (a smaller copy of it, or one made again),
   * keeping its place in the order; caches it as the most recent entry when none is held.
   */
  replace(key: K, value: V): void {
    const held = this.#entries.get(key);
    const weight = Math.max(1, this.weigh(value));
    if (held) {
      this.#total += weight - held.weight;
      held.value = value;
      held.weight = weight;
    } else {
      this.#entries.set(key, { value, weight });
      this.#total += weight;
    }
    this.#evict(key);
  }

  /** Oldest first, those not needed; then, if the limits still say so, needed ones too. Never `newest`. */
  #evict(newest: K): void {
    const { isNeeded, maxIdle = Infinity } = this.needs;
    const fits = () => this.#total <= this.budget && this.#entries.size <= this.maxEntries;
    let idle = 0;
    if (maxIdle !== Infinity) for (const key of this.#entries.keys()) if (!isNeeded(key)) idle += 1;
    for (const [oldest, entry] of this.#entries) {
      if ((fits() && idle <= maxIdle) || oldest === newest) break;
      if (isNeeded(oldest)) continue;
      this.#drop(oldest, entry.weight);
      idle -= 1;
    }
    for (const [oldest, entry] of this.#entries) {
      if (fits() || oldest === newest) break;
      this.#drop(oldest, entry.weight);
    }
  }

  #drop(key: K, weight: number): void {
    this.#entries.delete(key);
    this.#total -= weight;
  }

  /** Total weight held. */
  get weight(): number {
    return this.#total;
  }
}
