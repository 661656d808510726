import { hashKey } from '../../random/hash.js';
import { ApiError, invalidParameter } from '../api-error.js';
import type { FilterRules } from '../filter/filter-rules.js';
import { readRecordFilter, type FieldKind, type FieldValue, type RecordFilter } from '../filter/record-filter.js';
import { jsonApiResponse } from '../json-api-response.js';
import { cursorLink, selfLink } from '../links.js';
import { decodeCursor, encodeCursor } from '../page-cursor.js';
import { QueryParameters } from '../query-parameters.js';
import type { Resource } from '../resources.js';
import { routeRequest, type RouteContext } from './route-context.js';

/** `page[size]` default and maximum of an endpoint, from the spec. */
export interface PageSizes {
  default: number;
  max: number;
}

/** What a collection endpoint serves and how (one object per endpoint). */
export interface CollectionSpec<T> {
  /** JSON:API type, for error messages. */
  resource: string;
  /** Query parameters the operation declares (besides `filter`, `sort`, `page[*]`, which are implied by the fields below). */
  declared: readonly string[];
  filterRules: FilterRules;
  filterKinds: Readonly<Record<string, FieldKind>>;
  /** A record's value for a filter field. */
  read(item: T, field: string): FieldValue;
  /** Sortable fields (without `-`), each with its sort key. */
  sorts: Readonly<Record<string, (item: T) => string | number | null>>;
  /** Page sizes, or undefined when the endpoint takes no `page[size]` (one page of `fixedPage` items). */
  pageSizes?: PageSizes;
  fixedPage?: number;
  /** Throws when a required filter is missing (campaigns need a channel). */
  requireFilter?(filter: RecordFilter, raw: string | undefined): void;
  items(filter: RecordFilter): readonly T[];
  /** Id used to break sort ties. */
  idOf(item: T): string;
  render(base: string, item: T, params: QueryParameters): Resource;
  included?(base: string, page: readonly T[], params: QueryParameters): Resource[] | undefined;
}

function compare(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

function readPageSize(raw: string | undefined, sizes: PageSizes): number {
  if (raw === undefined) return sizes.default;
  const size = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!(size >= 1 && size <= sizes.max)) throw invalidParameter('page[size]', `page[size] must be an integer from 1 to ${sizes.max}; got '${raw}'.`);
  return size;
}

/**
 * Serves a collection: parses `filter`, `sort`, `page[size]` and `page[cursor]` as the spec
 * declares them for the endpoint, sorts (ties by id), pages by offset with an opaque cursor bound
 * to the query, and renders resources with `links.self` and an absolute `links.next`.
 */
export function serveCollection<T>(spec: CollectionSpec<T>, context: RouteContext, request: Request): Response {
  const { url, base } = routeRequest(context, request);
  const paged = spec.pageSizes !== undefined;
  const declared = [...spec.declared, 'filter', ...(Object.keys(spec.sorts).length > 0 ? ['sort'] : []), 'page[cursor]', ...(paged ? ['page[size]'] : [])];
  const params = new QueryParameters(url, declared);
  const rawFilter = params.single('filter');
  const filter = readRecordFilter(spec.resource, spec.filterRules, spec.filterKinds, rawFilter);
  spec.requireFilter?.(filter, rawFilter);
  const sort = params.single('sort');
  const sortField = sort?.replace(/^-/, '');
  const sortKey = sortField === undefined ? undefined : spec.sorts[sortField];
  if (sort !== undefined && !sortKey) {
    const valid = Object.keys(spec.sorts).flatMap((field) => [field, `-${field}`]);
    throw invalidParameter('sort', `'${sort}' is not a valid sort for ${spec.resource}. Valid sorts: ${valid.join(', ')}.`);
  }
  const size = spec.pageSizes ? readPageSize(params.single('page[size]'), spec.pageSizes) : (spec.fixedPage ?? 1000);

  const direction = sort?.startsWith('-') ? -1 : 1;
  const matching = spec.items(filter).filter((item) => filter.matches((field) => spec.read(item, field)));
  const ordered = sortKey
    ? [...matching].sort((a, b) => direction * compare(sortKey(a), sortKey(b)) || compare(spec.idOf(a), spec.idOf(b)))
    : matching;

  const key = hashKey(spec.resource, url.pathname, rawFilter ?? '', sort ?? '', size).toString(16);
  const cursor = params.single('page[cursor]');
  const offset = cursor === undefined ? 0 : decodeCursor(cursor, key).at;
  if (!Number.isInteger(offset) || offset < 0) throw invalidParameter('page[cursor]', 'The page cursor is not valid.');
  const page = ordered.slice(offset, offset + size);
  const links: Record<string, string> = { self: selfLink(base, url) };
  if (offset + page.length < ordered.length) links.next = cursorLink(base, url, encodeCursor({ at: offset + page.length, id: '', key }));

  const body: Record<string, unknown> = { data: page.map((item) => spec.render(base, item, params)), links };
  const included = spec.included?.(base, page, params);
  if (included !== undefined) body.included = included;
  return jsonApiResponse(body, 200);
}

/** The `{id}` segment of a path such as `/api/campaigns/{id}/campaign-messages`. */
export function pathId(request: Request, position = 3): string {
  return decodeURIComponent(new URL(request.url).pathname.split('/')[position] ?? '');
}

/** 404 for a resource id the account does not have. */
export function notFoundResource(what: string, id: string): ApiError {
  return new ApiError(404, 'not_found', 'Not found.', `A ${what} with id ${id} does not exist.`);
}
