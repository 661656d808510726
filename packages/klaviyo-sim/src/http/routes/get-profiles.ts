import { hashKey } from '../../random/hash.js';
import type { KlaviyoStore, SimProfile } from '../../store/types.js';
import { invalidParameter } from '../api-error.js';
import { readRecordFilter, type FieldValue, type RecordFilter } from '../filter/record-filter.js';
import { parseFilterDateTime } from '../filter/filter-values.js';
import { jsonApiResponse } from '../json-api-response.js';
import { cursorLink, selfLink } from '../links.js';
import { decodeCursor, encodeCursor } from '../page-cursor.js';
import { QueryParameters } from '../query-parameters.js';
import { notFoundResource, pathId } from './collection-route.js';
import { PROFILE_ATTRIBUTES, simProfileResource, type ProfileExtra } from './profile-resources.js';
import { routeRequest, type RouteContext } from './route-context.js';
import { fieldList, includeList } from './route-params.js';
import { audienceResource } from './audience-resources.js';

const COMPARISONS = ['greater-or-equal', 'greater-than', 'less-or-equal', 'less-than'] as const;
const SUPPRESSION = 'subscriptions.email.marketing.suppression';
const LIST_SUPPRESSIONS = 'subscriptions.email.marketing.list_suppressions';
/** Filterable fields of `GET /api/profiles`: note `created` and `updated` take only strict bounds. */
const PROFILE_FILTER_RULES = {
  id: ['any', 'equals'],
  email: ['any', 'equals'],
  phone_number: ['any', 'equals'],
  external_id: ['any', 'equals'],
  _kx: ['equals'],
  created: ['greater-than', 'less-than'],
  updated: ['greater-than', 'less-than'],
  [`${LIST_SUPPRESSIONS}.reason`]: ['equals'],
  [`${LIST_SUPPRESSIONS}.timestamp`]: COMPARISONS,
  [`${LIST_SUPPRESSIONS}.list_id`]: ['equals'],
  [`${SUPPRESSION}.reason`]: ['equals'],
  [`${SUPPRESSION}.timestamp`]: COMPARISONS,
};
const KINDS = { created: 'datetime', updated: 'datetime', [`${LIST_SUPPRESSIONS}.timestamp`]: 'datetime', [`${SUPPRESSION}.timestamp`]: 'datetime' } as const;
const SORTS = ['created', 'email', 'id', 'updated', `${LIST_SUPPRESSIONS}.timestamp`, `${SUPPRESSION}.timestamp`];

function read(profile: SimProfile, field: string): FieldValue {
  const suppression = profile.subscriptions.email.suppression;
  switch (field) {
    case 'id':
    case 'email':
    case 'phone_number':
      return profile[field];
    case 'created':
    case 'updated':
      return Date.parse(profile[field]);
    case `${SUPPRESSION}.reason`:
      return suppression?.reason ?? null;
    case `${SUPPRESSION}.timestamp`:
      return suppression ? Date.parse(suppression.timestamp) : null;
    default:
      return null;
  }
}

/** Profile numbers worth looking at: direct lookups for ids and emails, a signup range for `created`. */
function candidates(store: KlaviyoStore, filter: RecordFilter): { indexes?: number[] } {
  for (const condition of filter.conditions) {
    const value = condition.value;
    const strings = value?.kind === 'list' ? value.items.flatMap((item) => (item.kind === 'string' ? [item.value] : [])) : value?.kind === 'string' ? [value.value] : [];
    if (condition.field === 'id') return { indexes: strings.flatMap((id) => store.profile(id)?.index ?? []) };
    if (condition.field === 'email') return { indexes: strings.flatMap((email) => Number(/\.(\d+)@/.exec(email)?.[1] ?? NaN)).filter(Number.isInteger) };
  }
  return {};
}

function sortKey(sort: string, profile: SimProfile): string | number {
  if (sort === 'email') return profile.email;
  if (sort === 'id' || sort === 'created') return profile.index;
  if (sort === 'updated') return Date.parse(profile.updated);
  const suppression = profile.subscriptions.email.suppression;
  return sort === `${SUPPRESSION}.timestamp` && suppression ? Date.parse(suppression.timestamp) : Infinity;
}

const direction = (sort: string | undefined) => (sort?.startsWith('-') ? -1 : 1);

/**
 * Reads profiles in a fixed order (signup order, or the store's `updated` index) from position
 * `from` on, a page at a time; the cursor is the position of the next profile to read.
 */
function streamPage(store: KlaviyoStore, filter: RecordFilter, order: ProfileOrder, from: number, size: number): { page: SimProfile[]; next?: number } {
  const page: SimProfile[] = [];
  for (let position = Math.max(from, order.first); position < order.length; position += 1) {
    const profile = store.profileAt(order.at(position));
    if (!profile || !filter.matches((field) => read(profile, field))) continue;
    if (page.length === size) return { page, next: position };
    page.push(profile);
  }
  return { page };
}

/** A walk over profile numbers: position → number, and where an `updated` lower bound starts. */
interface ProfileOrder {
  length: number;
  first: number;
  at(position: number): number;
}

function signupOrder(store: KlaviyoStore): ProfileOrder {
  return { length: store.profileCount, first: 0, at: (position) => position };
}

/** The `updated` order; a `greater-than(updated, X)` bound skips straight past X by binary search. */
function updatedOrder(store: KlaviyoStore, filter: RecordFilter): ProfileOrder {
  const { order, updated } = store.profilesByUpdated();
  let bound = -Infinity;
  for (const condition of filter.conditions) {
    const instant = condition.value?.kind === 'bare' ? parseFilterDateTime(condition.value.text) : undefined;
    if (condition.field === 'updated' && condition.operator === 'greater-than' && instant !== undefined) bound = Math.max(bound, instant);
  }
  let low = 0;
  let high = updated.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((updated[middle] as number) <= bound) low = middle + 1;
    else high = middle;
  }
  return { length: order.length, first: low, at: (position) => order[position] as number };
}

/** Any other order: every candidate is read and sorted; the cursor is an offset. */
function sortedPage(store: KlaviyoStore, filter: RecordFilter, indexes: number[] | undefined, sortField: string, sign: number, offset: number, size: number): { page: SimProfile[]; next?: number } {
  const pool = indexes ? indexes.flatMap((index) => store.profileAt(index) ?? []) : store.profiles();
  const matching: SimProfile[] = [];
  for (const profile of pool) if (filter.matches((field) => read(profile, field))) matching.push(profile);
  matching.sort((a, b) => {
    const [x, y] = [sortKey(sortField, a), sortKey(sortField, b)];
    return sign * (x < y ? -1 : x > y ? 1 : 0) || a.index - b.index;
  });
  const page = matching.slice(offset, offset + size);
  return offset + page.length < matching.length ? { page, next: offset + page.length } : { page };
}

/**
 * `GET /api/profiles` (get_profiles): filters from the spec (strict `created`/`updated` bounds),
 * sorts, `additional-fields[profile]`, cursor paging (20 per page by default, at most 100).
 * Lists every profile signed up before `now`; sorts other than signup order scan them all.
 */
export function getProfiles(context: RouteContext, request: Request): Response {
  const { store } = context;
  const { url, base } = routeRequest(context, request);
  const params = new QueryParameters(url, ['additional-fields[profile]', 'fields[conversation]', 'fields[profile]', 'fields[push-token]', 'filter', 'include', 'page[cursor]', 'page[size]', 'sort']);
  const rawFilter = params.single('filter');
  const filter = readRecordFilter('profile', PROFILE_FILTER_RULES, KINDS, rawFilter);
  const sort = params.single('sort');
  const sortField = sort?.replace(/^-/, '') ?? 'id';
  if (sort !== undefined && !SORTS.includes(sortField)) throw invalidParameter('sort', `'${sort}' is not a valid sort for profiles. Valid sorts: ${SORTS.flatMap((field) => [field, `-${field}`]).join(', ')}.`);
  const rawSize = params.single('page[size]');
  const size = rawSize === undefined ? 20 : /^\d+$/.test(rawSize) ? Number(rawSize) : NaN;
  if (!(size >= 1 && size <= 100)) throw invalidParameter('page[size]', `page[size] must be an integer from 1 to 100; got '${rawSize}'.`);
  const extras = (params.list('additional-fields[profile]', ['subscriptions', 'predictive_analytics']) ?? []) as ProfileExtra[];
  const fields = fieldList(params, 'fields[profile]', PROFILE_ATTRIBUTES);
  fieldList(params, 'fields[conversation]', ['channel']);
  fieldList(params, 'fields[push-token]', ['background', 'created', 'enablement_status', 'metadata', 'platform', 'recorded_date', 'token', 'vendor']);
  const include = includeList(params, ['conversations', 'push-tokens']);

  const key = hashKey('profiles', rawFilter ?? '', sort ?? '', size).toString(16);
  const cursor = params.single('page[cursor]');
  const at = cursor === undefined ? 0 : decodeCursor(cursor, key).at;
  if (!Number.isInteger(at) || at < 0) throw invalidParameter('page[cursor]', 'The page cursor is not valid.');
  const { indexes } = candidates(store, filter);
  const inSignupOrder = sortField === 'id' || sortField === 'created';
  const streaming = indexes === undefined && direction(sort) === 1 && (inSignupOrder || sortField === 'updated');
  const { page, next } = streaming
    ? streamPage(store, filter, inSignupOrder ? signupOrder(store) : updatedOrder(store, filter), at, size)
    : sortedPage(store, filter, indexes, sortField, direction(sort), at, size);
  const links: Record<string, string> = { self: selfLink(base, url) };
  if (next !== undefined) links.next = cursorLink(base, url, encodeCursor({ at: next, id: '', key }));
  const body: Record<string, unknown> = { data: page.map((profile) => simProfileResource(base, profile, fields, extras)), links };
  if (include.length > 0) body.included = [];
  return jsonApiResponse(body, 200);
}

/** `GET /api/profiles/{id}` (get_profile), with `include=lists,segments`. */
export function getProfile(context: RouteContext, request: Request): Response {
  const { store } = context;
  const { url, base } = routeRequest(context, request);
  const params = new QueryParameters(url, ['additional-fields[profile]', 'fields[conversation]', 'fields[list]', 'fields[profile]', 'fields[push-token]', 'fields[segment]', 'include']);
  const id = pathId(request);
  const profile = store.profile(id);
  if (!profile) throw notFoundResource('profile', id);
  const extras = (params.list('additional-fields[profile]', ['subscriptions', 'predictive_analytics']) ?? []) as ProfileExtra[];
  const include = includeList(params, ['conversations', 'lists', 'push-tokens', 'segments']);
  const listFields = fieldList(params, 'fields[list]', ['created', 'name', 'opt_in_process', 'updated']);
  const segmentFields = fieldList(params, 'fields[segment]', ['created', 'definition', 'is_active', 'is_processing', 'is_starred', 'name', 'updated']);
  fieldList(params, 'fields[conversation]', ['channel']);
  fieldList(params, 'fields[push-token]', ['background', 'created', 'enablement_status', 'metadata', 'platform', 'recorded_date', 'token', 'vendor']);
  const data = simProfileResource(base, profile, fieldList(params, 'fields[profile]', PROFILE_ATTRIBUTES), extras);
  const body: Record<string, unknown> = { data, links: { self: selfLink(base, url) } };
  if (include.length > 0) {
    const { listIds, segmentIds } = store.membershipsOf(profile);
    const relationships = data.relationships as Record<string, Record<string, unknown>>;
    const included = [];
    if (include.includes('lists')) {
      (relationships.lists as Record<string, unknown>).data = listIds.map((listId) => ({ type: 'list', id: listId }));
      included.push(...store.lists.filter((list) => listIds.includes(list.id)).map((list) => audienceResource(base, 'list', list, listFields)));
    }
    if (include.includes('segments')) {
      (relationships.segments as Record<string, unknown>).data = segmentIds.map((segmentId) => ({ type: 'segment', id: segmentId }));
      included.push(...store.segments.filter((segment) => segmentIds.includes(segment.id)).map((segment) => audienceResource(base, 'segment', segment, segmentFields)));
    }
    body.included = included;
  }
  return jsonApiResponse(body, 200);
}
