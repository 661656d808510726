import type { KlaviyoStore } from '../../store/types.js';
import { noContentResponse } from '../json-api-response.js';
import { QueryParameters } from '../query-parameters.js';
import { notFoundResource, pathId } from './collection-route.js';
import { routeRequest, type RouteContext } from './route-context.js';

/** A DELETE operation's handler. */
export type DeleteRoute = (context: RouteContext, request: Request) => Response;

/**
 * A DELETE of one resource by path id: 204 without a body once `remove` found and deleted it,
 * 404 as the GET routes answer when there was none. The spec declares no query parameter for
 * these operations, so any is rejected as on every other route.
 */
function deleteRoute(what: string, remove: (store: KlaviyoStore, id: string) => boolean): DeleteRoute {
  return (context, request) => {
    new QueryParameters(routeRequest(context, request).url, []); // throws on any parameter
    const id = pathId(request);
    if (!remove(context.store, id)) throw notFoundResource(what, id);
    return noContentResponse();
  };
}

/** `DELETE /api/campaigns/{id}` (delete_campaign): the campaign and its message; their events stay. */
export const deleteCampaign = deleteRoute('campaign', (store, id) => store.deleteCampaign(id));

/** `DELETE /api/flows/{id}` (delete_flow): the flow, its actions and messages; their events stay. */
export const deleteFlow = deleteRoute('flow', (store, id) => store.deleteFlow(id));

/** `DELETE /api/flow-actions/{id}` (delete_flow_action): the action and its message; the flow's `updated` moves. */
export const deleteFlowAction = deleteRoute('flow action', (store, id) => store.deleteFlowAction(id));

/** `DELETE /api/lists/{id}` (delete_list): the list, from listings and memberships; campaigns keep naming it. */
export const deleteList = deleteRoute('list', (store, id) => store.deleteList(id));

/** `DELETE /api/segments/{id}` (delete_segment): the segment, from listings and memberships. */
export const deleteSegment = deleteRoute('segment', (store, id) => store.deleteSegment(id));
