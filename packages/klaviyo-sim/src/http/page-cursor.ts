import { invalidParameter } from './api-error.js';

/** What a cursor remembers: where the last page ended and which query it belongs to. */
export interface CursorState {
  /** Milliseconds of the last item's datetime (events) or the offset served so far (metrics). */
  at: number;
  /** Id of the last item served ('' for offsets). */
  id: string;
  /** {@link queryKey} of the query the cursor was issued for. */
  key: string;
}

/** Opaque `page[cursor]` value: base64url of a small JSON. Clients must not parse it. */
export function encodeCursor(state: CursorState): string {
  return Buffer.from(JSON.stringify({ v: 1, a: state.at, i: state.id, k: state.key }), 'utf8').toString('base64url');
}

/**
 * The cursor inside a whole `links.next` URL passed back as the cursor, as the official SDKs do
 * with a next link they do not recognise (an `http://` one); any other value is returned as is.
 *
 * @example cursorOfLink('http://127.0.0.1:4010/api/events?page%5Bcursor%5D=abc') // 'abc'
 */
export function cursorOfLink(cursor: string): string {
  if (!/^https?:\/\//i.test(cursor) || !URL.canParse(cursor)) return cursor;
  const params = new URL(cursor).searchParams;
  return params.get('page[cursor]') ?? params.get('page_cursor') ?? cursor;
}

/**
 * Reads a cursor issued by {@link encodeCursor} for the query with key `expectedKey`, also when it
 * comes wrapped in its whole `links.next` URL.
 *
 * @throws {ApiError} 400 on `page[cursor]` when it cannot be decoded or belongs to another query.
 */
export function decodeCursor(given: string, expectedKey: string): CursorState {
  const cursor = cursorOfLink(given);
  let payload: unknown;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw new Error('not base64url');
    payload = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidParameter('page[cursor]', 'The page cursor is not valid. Use the links.next URL of the previous page unchanged.');
  }
  const { v, a, i, k } = (payload ?? {}) as Record<string, unknown>;
  if (v !== 1 || typeof a !== 'number' || !Number.isFinite(a) || typeof i !== 'string' || typeof k !== 'string') {
    throw invalidParameter('page[cursor]', 'The page cursor is not valid. Use the links.next URL of the previous page unchanged.');
  }
  if (k !== expectedKey) {
    throw invalidParameter(
      'page[cursor]',
      'The page cursor belongs to a different query. Keep filter and sort unchanged while paging, or start again without page[cursor].',
    );
  }
  return { at: a, id: i, key: k };
}
