import { decodeCursor, encodeCursor } from '../page-cursor.js';

/**
 * One page of a report's rows from an offset cursor (`page_cursor`), with its `links`: `self`,
 * and `next` (the same URL with the cursor of the following rows) while rows remain. The cursor
 * is bound to `key`, so it cannot be replayed against another query.
 */
export function offsetPage<Row>(rows: readonly Row[], request: { cursor: string | undefined; key: string; size: number; self: string }): { page: Row[]; links: Record<string, string> } {
  const { cursor, key, size, self } = request;
  const offset = cursor === undefined ? 0 : decodeCursor(cursor, key).at;
  const page = rows.slice(offset, offset + size);
  const links: Record<string, string> = { self };
  if (offset + page.length < rows.length) {
    const next = new URL(self);
    next.searchParams.set('page_cursor', encodeCursor({ at: offset + page.length, id: '', key }));
    links.next = next.toString();
  }
  return { page, links };
}
