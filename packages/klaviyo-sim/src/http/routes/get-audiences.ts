import type { KlaviyoStore, SimList, SimSegment } from '../../store/types.js';
import { jsonApiResponse } from '../json-api-response.js';
import { selfLink } from '../links.js';
import { QueryParameters } from '../query-parameters.js';
import type { Resource } from '../resources.js';
import { audienceResource } from './audience-resources.js';
import { notFoundResource, pathId, serveCollection, type CollectionSpec } from './collection-route.js';
import { FLOW_ATTRIBUTES, flowResource } from './flow-resources.js';
import { routeRequest, type RouteContext } from './route-context.js';
import { fieldList, includeList } from './route-params.js';

type Kind = 'list' | 'segment';
const ATTRIBUTES: Record<Kind, readonly string[]> = {
  list: ['created', 'name', 'opt_in_process', 'updated'],
  segment: ['created', 'definition', 'is_active', 'is_processing', 'is_starred', 'name', 'updated'],
};
const time = (text: string) => Date.parse(text);

/** Flows an audience triggers (the welcome series for the newsletter list). */
function triggeredFlows(store: KlaviyoStore, id: string) {
  return store.flows.filter((flow) => 'listId' in flow.trigger && flow.trigger.listId === id);
}

function includedFlows(store: KlaviyoStore, base: string, page: readonly (SimList | SimSegment)[], params: QueryParameters): Resource[] | undefined {
  const include = includeList(params, ['flow-triggers', 'tags']);
  fieldList(params, 'fields[tag]', ['name']);
  const fields = fieldList(params, 'fields[flow]', FLOW_ATTRIBUTES);
  if (include.length === 0) return undefined;
  if (!include.includes('flow-triggers')) return [];
  return page.flatMap((audience) => triggeredFlows(store, audience.id).map((flow) => flowResource(base, flow, fields)));
}

function audienceSpec(store: KlaviyoStore, kind: Kind): CollectionSpec<SimList | SimSegment> {
  const items: readonly (SimList | SimSegment)[] = kind === 'list' ? store.lists : store.segments;
  return {
    resource: kind,
    declared: ['fields[flow]', `fields[${kind}]`, 'fields[tag]', 'include'],
    // Klaviyo takes only greater-than on created and updated here.
    filterRules: { name: ['any', 'equals'], id: ['any', 'equals'], created: ['greater-than'], updated: ['greater-than'], ...(kind === 'segment' ? { is_active: ['any', 'equals'], is_starred: ['equals'] } : {}) },
    filterKinds: { created: 'datetime', updated: 'datetime', is_active: 'boolean', is_starred: 'boolean' },
    read: (audience, field) => {
      if (field === 'created' || field === 'updated') return time(audience[field]);
      if (field === 'id' || field === 'name') return audience[field];
      if ((field === 'is_active' || field === 'is_starred') && 'is_active' in audience) return audience[field];
      return null;
    },
    sorts: { created: (audience) => time(audience.created), id: (audience) => audience.id, name: (audience) => audience.name, updated: (audience) => time(audience.updated) },
    pageSizes: { default: 10, max: 10 },
    items: () => items,
    idOf: (audience) => audience.id,
    render: (base, audience, params) => {
      const triggers = includeList(params, ['flow-triggers', 'tags']).includes('flow-triggers') ? triggeredFlows(store, audience.id).map((flow) => flow.id) : undefined;
      return audienceResource(base, kind, audience, fieldList(params, `fields[${kind}]`, ATTRIBUTES[kind]), undefined, triggers);
    },
    included: (base, page, params) => includedFlows(store, base, page, params),
  };
}

/** `GET /api/lists` (get_lists): 10 per page at most. */
export function getLists(context: RouteContext, request: Request): Response {
  return serveCollection(audienceSpec(context.store, 'list'), context, request);
}

/** `GET /api/segments` (get_segments): 10 per page at most. */
export function getSegments(context: RouteContext, request: Request): Response {
  return serveCollection(audienceSpec(context.store, 'segment'), context, request);
}

function getAudience(kind: Kind, context: RouteContext, request: Request): Response {
  const { store } = context;
  const { url, base } = routeRequest(context, request);
  const params = new QueryParameters(url, [`additional-fields[${kind}]`, 'fields[flow]', `fields[${kind}]`, 'fields[tag]', 'include']);
  const id = pathId(request);
  const audience = (kind === 'list' ? store.lists : store.segments).find((candidate) => candidate.id === id);
  if (!audience) throw notFoundResource(kind, id);
  const withCount = (params.list(`additional-fields[${kind}]`, ['profile_count']) ?? []).includes('profile_count');
  const include = includeList(params, ['flow-triggers', 'tags']);
  const fields = fieldList(params, `fields[${kind}]`, [...ATTRIBUTES[kind], 'profile_count']);
  const triggers = include.includes('flow-triggers') ? triggeredFlows(store, id).map((flow) => flow.id) : undefined;
  const body: Record<string, unknown> = {
    data: audienceResource(base, kind, audience, fields, withCount ? store.memberCount(id) : undefined, triggers),
    links: { self: selfLink(base, url) },
  };
  const included = includedFlows(store, base, [audience], params);
  if (included) body.included = included;
  return jsonApiResponse(body, 200);
}

/** `GET /api/lists/{id}` (get_list), with `additional-fields[list]=profile_count`. */
export function getList(context: RouteContext, request: Request): Response {
  return getAudience('list', context, request);
}

/** `GET /api/segments/{id}` (get_segment), with `additional-fields[segment]=profile_count`. */
export function getSegment(context: RouteContext, request: Request): Response {
  return getAudience('segment', context, request);
}
