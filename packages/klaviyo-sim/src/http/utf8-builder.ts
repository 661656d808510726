/**
 * Builds a UTF-8 body from many strings. Each piece is encoded straight into one growing buffer,
 * which costs about half of joining the pieces into one string and encoding that: the join must
 * first flatten every piece (event JSON is written as many small concatenations) into a new
 * string, and `Buffer.from` then measures and copies it again.
 */
export class Utf8Builder {
  #bytes: Buffer;
  #length = 0;

  /** @param buffer Where to write (a pooled one, say); else a new buffer of `expectedBytes`. */
  constructor(expectedBytes = 64 * 1024, buffer?: Buffer) {
    this.#bytes = buffer ?? Buffer.allocUnsafe(expectedBytes);
  }

  /** The buffer written into (it changes when the builder grows): to give back to a pool once done with. */
  get buffer(): Buffer {
    return this.#bytes;
  }

  /** Appends the UTF-8 encoding of `text`. */
  append(text: string): this {
    // A UTF-16 unit takes at most 3 bytes in UTF-8 (a surrogate pair's 4 bytes cover 2 units).
    this.#length += this.reserve(text.length * 3).write(text, this.#length, 'utf8');
    return this;
  }

  /** Appends one byte: a separator between events, without a call into the encoder. */
  appendByte(byte: number): this {
    this.reserve(1)[this.#length] = byte;
    this.#length += 1;
    return this;
  }

  /** Bytes written so far. */
  get length(): number {
    return this.#length;
  }

  /**
   * The buffer, with room for `bytes` more after {@link length}: for writers that place bytes
   * themselves and then call {@link advance}. Valid until the next call that may grow it.
   */
  reserve(bytes: number): Buffer {
    if (this.#length + bytes > this.#bytes.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.#bytes.length * 2, this.#length + bytes));
      this.#bytes.copy(grown, 0, 0, this.#length);
      this.#bytes = grown;
    }
    return this.#bytes;
  }

  /** Marks `bytes` more bytes, written into the {@link reserve}d room, as part of the body. */
  advance(bytes: number): void {
    this.#length += bytes;
  }

  /** The bytes written so far (a view, not a copy: append no more after taking it). */
  toBytes(): Uint8Array<ArrayBuffer> {
    return new Uint8Array(this.#bytes.buffer as ArrayBuffer, this.#bytes.byteOffset, this.#length);
  }
}
