import type { KlaviyoStore, SimFlow } from '../../store/types.js';
import { jsonApiResponse } from '../json-api-response.js';
import { selfLink } from '../links.js';
import { QueryParameters } from '../query-parameters.js';
import type { Resource } from '../resources.js';
import { notFoundResource, pathId, serveCollection, type CollectionSpec } from './collection-route.js';
import { FLOW_ACTION_ATTRIBUTES, FLOW_ATTRIBUTES, flowActionResource, flowResource, type Sender } from './flow-resources.js';
import { routeRequest, type RouteContext } from './route-context.js';
import { fieldList, includeList } from './route-params.js';

const COMPARISONS = ['equals', 'greater-or-equal', 'greater-than', 'less-or-equal', 'less-than'] as const;
const TEXT = ['contains', 'ends-with', 'equals', 'starts-with'] as const;
const time = (text: string) => Date.parse(text);

/** The account's sender, for message definitions. */
export function senderOf(store: KlaviyoStore): Sender {
  const { contact_information: contact } = store.account;
  return { email: contact.default_sender_email, name: contact.default_sender_name };
}

/** The flow's actions as resources, for `include=flow-actions`. */
export function includedActions(store: KlaviyoStore, base: string, flows: readonly SimFlow[], params: QueryParameters): Resource[] | undefined {
  const include = includeList(params, ['flow-actions', 'tags']);
  fieldList(params, 'fields[tag]', ['name']);
  const fields = fieldList(params, 'fields[flow-action]', FLOW_ACTION_ATTRIBUTES);
  if (include.length === 0) return undefined;
  if (!include.includes('flow-actions')) return [];
  return flows.flatMap((flow) =>
    flow.actionIds.flatMap((id) => {
      const action = store.flowAction(id);
      if (!action) return [];
      return [flowActionResource(base, action, action.messageId ? store.flowMessage(action.messageId) : undefined, senderOf(store), fields)];
    }),
  );
}

function flowsSpec(store: KlaviyoStore): CollectionSpec<SimFlow> {
  return {
    resource: 'flow',
    declared: ['fields[flow-action]', 'fields[flow]', 'fields[tag]', 'include'],
    filterRules: { id: ['any'], name: TEXT, status: ['equals'], archived: ['equals'], created: COMPARISONS, updated: COMPARISONS, trigger_type: ['equals'] },
    filterKinds: { archived: 'boolean', created: 'datetime', updated: 'datetime' },
    read: (flow, field) => {
      if (field === 'created' || field === 'updated') return time(flow[field]);
      if (field === 'archived') return flow.archived;
      if (field === 'id' || field === 'name' || field === 'status' || field === 'trigger_type') return flow[field];
      return null;
    },
    sorts: {
      created: (flow) => time(flow.created),
      id: (flow) => flow.id,
      name: (flow) => flow.name,
      status: (flow) => flow.status,
      trigger_type: (flow) => flow.trigger_type,
      updated: (flow) => time(flow.updated),
    },
    pageSizes: { default: 50, max: 50 },
    items: () => store.flows,
    idOf: (flow) => flow.id,
    render: (base, flow, params) => flowResource(base, flow, fieldList(params, 'fields[flow]', FLOW_ATTRIBUTES)),
    included: (base, page, params) => includedActions(store, base, page, params),
  };
}

/** `GET /api/flows` (get_flows). */
export function getFlows(context: RouteContext, request: Request): Response {
  return serveCollection(flowsSpec(context.store), context, request);
}

/** `GET /api/flows/{id}` (get_flow), with `include=flow-actions`. */
export function getFlow(context: RouteContext, request: Request): Response {
  const { url, base } = routeRequest(context, request);
  const params = new QueryParameters(url, ['additional-fields[flow]', 'fields[flow-action]', 'fields[flow]', 'fields[tag]', 'include']);
  // The flow definition (the builder's graph) is not simulated; the parameter is accepted.
  params.list('additional-fields[flow]', ['definition']);
  const id = pathId(request);
  const flow = context.store.flow(id);
  if (!flow) throw notFoundResource('flow', id);
  const body: Record<string, unknown> = { data: flowResource(base, flow, fieldList(params, 'fields[flow]', [...FLOW_ATTRIBUTES, 'definition'])), links: { self: selfLink(base, url) } };
  const included = includedActions(context.store, base, [flow], params);
  if (included) body.included = included;
  return jsonApiResponse(body, 200);
}
