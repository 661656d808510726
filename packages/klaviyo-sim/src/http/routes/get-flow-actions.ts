import type { KlaviyoStore, SimFlowAction } from '../../store/types.js';
import { jsonApiResponse } from '../json-api-response.js';
import { selfLink } from '../links.js';
import { QueryParameters } from '../query-parameters.js';
import type { Resource } from '../resources.js';
import { notFoundResource, pathId, serveCollection, type CollectionSpec } from './collection-route.js';
import { FLOW_ACTION_ATTRIBUTES, FLOW_ATTRIBUTES, FLOW_MESSAGE_ATTRIBUTES, flowActionResource, flowMessageResource, flowResource } from './flow-resources.js';
import { senderOf } from './get-flows.js';
import { routeRequest, type RouteContext } from './route-context.js';
import { fieldList, includeList } from './route-params.js';

const COMPARISONS = ['equals', 'greater-or-equal', 'greater-than', 'less-or-equal', 'less-than'] as const;
const time = (text: string) => Date.parse(text);

function actionsSpec(store: KlaviyoStore, flowId: string, identifiersOnly: boolean): CollectionSpec<SimFlowAction> {
  const flow = store.flow(flowId);
  if (!flow) throw notFoundResource('flow', flowId);
  const actions = flow.actionIds.map((id) => store.flowAction(id)).filter((action) => action !== undefined);
  return {
    resource: 'flow-action',
    declared: identifiersOnly ? [] : ['fields[flow-action]'],
    filterRules: { id: ['any'], action_type: ['any', 'equals'], status: ['equals'], created: COMPARISONS, updated: COMPARISONS },
    filterKinds: { created: 'datetime', updated: 'datetime' },
    read: (action, field) => {
      if (field === 'created' || field === 'updated') return time(action[field]);
      if (field === 'id' || field === 'action_type' || field === 'status') return action[field];
      return null;
    },
    sorts: {
      action_type: (action) => action.action_type,
      created: (action) => time(action.created),
      id: (action) => action.id,
      status: (action) => action.status,
      updated: (action) => time(action.updated),
    },
    pageSizes: { default: 50, max: 50 },
    items: () => actions,
    idOf: (action) => action.id,
    render: (base, action, params) => {
      // The relationship endpoint serves bare identifiers, not resources.
      if (identifiersOnly) return { type: 'flow-action', id: action.id } as unknown as Resource;
      const message = action.messageId ? store.flowMessage(action.messageId) : undefined;
      return flowActionResource(base, action, message, senderOf(store), fieldList(params, 'fields[flow-action]', FLOW_ACTION_ATTRIBUTES));
    },
  };
}

/** `GET /api/flows/{id}/flow-actions` (get_actions_for_flow). */
export function getFlowActions(context: RouteContext, request: Request): Response {
  return serveCollection(actionsSpec(context.store, pathId(request), false), context, request);
}

/** `GET /api/flows/{id}/relationships/flow-actions` (get_action_ids_for_flow): identifiers only. */
export function getFlowActionIds(context: RouteContext, request: Request): Response {
  return serveCollection(actionsSpec(context.store, pathId(request), true), context, request);
}

/** `GET /api/flow-actions/{id}` (get_flow_action), with `include=flow,flow-messages`. */
export function getFlowAction(context: RouteContext, request: Request): Response {
  const { url, base } = routeRequest(context, request);
  const params = new QueryParameters(url, ['fields[flow-action]', 'fields[flow-message]', 'fields[flow]', 'include']);
  const { store } = context;
  const id = pathId(request);
  const action = store.flowAction(id);
  if (!action) throw notFoundResource('flow action', id);
  const include = includeList(params, ['flow', 'flow-messages']);
  const flowFields = fieldList(params, 'fields[flow]', FLOW_ATTRIBUTES);
  const messageFields = fieldList(params, 'fields[flow-message]', FLOW_MESSAGE_ATTRIBUTES);
  const message = action.messageId ? store.flowMessage(action.messageId) : undefined;
  const body: Record<string, unknown> = {
    data: flowActionResource(base, action, message, senderOf(store), fieldList(params, 'fields[flow-action]', FLOW_ACTION_ATTRIBUTES)),
    links: { self: selfLink(base, url) },
  };
  if (include.length > 0) {
    const flow = store.flow(action.flowId);
    body.included = [
      ...(include.includes('flow') && flow ? [flowResource(base, flow, flowFields)] : []),
      ...(include.includes('flow-messages') && message ? [flowMessageResource(base, message, senderOf(store), messageFields)] : []),
    ];
  }
  return jsonApiResponse(body, 200);
}
