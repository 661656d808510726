import { invalidParameter } from './api-error.js';

/**
 * The query string of one request, checked against the parameters its operation declares in the
 * spec. Unknown or repeated parameters are rejected, so a client bug shows up as a 400 here
 * rather than as silently ignored input.
 */
export class QueryParameters {
  readonly #params: URLSearchParams;

  /** @throws {ApiError} 400 naming the first parameter the operation does not declare. */
  constructor(url: URL, declared: readonly string[]) {
    this.#params = url.searchParams;
    for (const name of this.#params.keys()) {
      if (!declared.includes(name)) {
        const valid = declared.length > 0 ? `Valid parameters: ${declared.join(', ')}.` : 'It takes none.';
        throw invalidParameter(name, `'${name}' is not a valid query parameter for this endpoint. ${valid}`);
      }
    }
  }

  /**
   * The parameter's value, if present.
   *
   * @throws {ApiError} 400 when it is given more than once.
   */
  single(name: string): string | undefined {
    const values = this.#params.getAll(name);
    if (values.length > 1) throw invalidParameter(name, `'${name}' may be given only once.`);
    return values[0];
  }

  /**
   * A comma-separated list parameter (`include`, `fields[...]`), each item checked against
   * `allowed`.
   *
   * @throws {ApiError} 400 naming the parameter when an item is not allowed or the list is empty.
   */
  list(name: string, allowed: readonly string[]): string[] | undefined {
    const raw = this.single(name);
    if (raw === undefined) return undefined;
    const items = raw.split(',').map((item) => item.trim());
    for (const item of items) {
      if (!allowed.includes(item)) {
        const written = item === '' ? 'an empty item' : `'${item}'`;
        throw invalidParameter(name, `${written} is not a valid value for '${name}'. Valid values: ${allowed.join(', ')}.`);
      }
    }
    return items;
  }
}
