import type { SimFlowStatus } from '../../store/types.js';
import { jsonApiResponse } from '../json-api-response.js';
import { selfLink } from '../links.js';
import { QueryParameters } from '../query-parameters.js';
import { invalidBody, oneOf, readRequestData } from '../reports/report-body.js';
import { notFoundResource, pathId } from './collection-route.js';
import { FLOW_ATTRIBUTES, flowResource } from './flow-resources.js';
import { routeRequest, type RouteContext } from './route-context.js';
import { fieldList } from './route-params.js';

/** The statuses `FlowUpdateQuery` describes: "['draft', 'manual', or 'live']". */
const FLOW_STATUSES: readonly SimFlowStatus[] = ['draft', 'manual', 'live'];

/**
 * `PATCH /api/flows/{id}` (update_flow): sets the flow's status (and its actions'), and answers
 * the flow as `GET /api/flows/{id}` serves it. The body is checked before the flow is looked up,
 * so a bad body is a 400 whether or not the flow exists; `data.id` must be the path's id.
 *
 * @throws {ApiError} 400 pointing into the body or at `fields[flow]`; 404 for an unknown flow.
 */
export async function updateFlow(context: RouteContext, request: Request): Promise<Response> {
  const { url, base } = routeRequest(context, request);
  const params = new QueryParameters(url, ['fields[flow]']);
  const fields = fieldList(params, 'fields[flow]', FLOW_ATTRIBUTES);
  const id = pathId(request);
  const data = await readRequestData(request, 'flow');
  if (data.id !== id) throw invalidBody('/data/id', `'data.id' must be the id in the path, '${id}'; got ${JSON.stringify(data.id ?? null)}.`);
  const status = oneOf(data.attributes, 'status', FLOW_STATUSES);
  const flow = context.store.updateFlow(id, { status });
  if (!flow) throw notFoundResource('flow', id);
  return jsonApiResponse({ data: flowResource(base, flow, fields), links: { self: selfLink(base, url) } }, 200);
}
