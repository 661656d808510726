import type { KlaviyoStore, SimFlowMessage } from '../../store/types.js';
import { jsonApiResponse } from '../json-api-response.js';
import { selfLink } from '../links.js';
import { QueryParameters } from '../query-parameters.js';
import { notFoundResource, pathId, serveCollection, type CollectionSpec } from './collection-route.js';
import { FLOW_ACTION_ATTRIBUTES, FLOW_MESSAGE_ATTRIBUTES, flowActionResource, flowMessageResource } from './flow-resources.js';
import { senderOf } from './get-flows.js';
import { routeRequest, type RouteContext } from './route-context.js';
import { fieldList, includeList } from './route-params.js';

const COMPARISONS = ['equals', 'greater-or-equal', 'greater-than', 'less-or-equal', 'less-than'] as const;
const TEXT = ['contains', 'ends-with', 'equals', 'starts-with'] as const;
const time = (text: string) => Date.parse(text);

function messagesSpec(store: KlaviyoStore, actionId: string): CollectionSpec<SimFlowMessage> {
  const action = store.flowAction(actionId);
  if (!action) throw notFoundResource('flow action', actionId);
  const message = action.messageId ? store.flowMessage(action.messageId) : undefined;
  return {
    resource: 'flow-message',
    declared: ['fields[flow-message]'],
    filterRules: { id: ['any'], name: TEXT, created: COMPARISONS, updated: COMPARISONS },
    filterKinds: { created: 'datetime', updated: 'datetime' },
    read: (item, field) => (field === 'created' || field === 'updated' ? time(item[field]) : field === 'id' || field === 'name' ? item[field] : null),
    sorts: { created: (item) => time(item.created), id: (item) => item.id, name: (item) => item.name, updated: (item) => time(item.updated) },
    pageSizes: { default: 50, max: 50 },
    items: () => (message ? [message] : []),
    idOf: (item) => item.id,
    render: (base, item, params) => flowMessageResource(base, item, senderOf(store), fieldList(params, 'fields[flow-message]', FLOW_MESSAGE_ATTRIBUTES)),
  };
}

/** `GET /api/flow-actions/{id}/flow-messages` (get_flow_action_messages). */
export function getFlowActionMessages(context: RouteContext, request: Request): Response {
  return serveCollection(messagesSpec(context.store, pathId(request)), context, request);
}

/** `GET /api/flow-messages/{id}` (get_flow_message), with `include=flow-action`. */
export function getFlowMessage(context: RouteContext, request: Request): Response {
  const { url, base } = routeRequest(context, request);
  const params = new QueryParameters(url, ['fields[flow-action]', 'fields[flow-message]', 'fields[template]', 'include']);
  const { store } = context;
  const id = pathId(request);
  const message = store.flowMessage(id);
  if (!message) throw notFoundResource('flow message', id);
  const include = includeList(params, ['flow-action', 'template']);
  fieldList(params, 'fields[template]', ['amp', 'created', 'editor_type', 'html', 'name', 'text', 'updated']);
  const actionFields = fieldList(params, 'fields[flow-action]', FLOW_ACTION_ATTRIBUTES);
  const body: Record<string, unknown> = {
    data: flowMessageResource(base, message, senderOf(store), fieldList(params, 'fields[flow-message]', FLOW_MESSAGE_ATTRIBUTES)),
    links: { self: selfLink(base, url) },
  };
  if (include.length > 0) {
    const action = store.flowAction(message.actionId);
    body.included = include.includes('flow-action') && action ? [flowActionResource(base, action, message, senderOf(store), actionFields)] : [];
  }
  return jsonApiResponse(body, 200);
}
