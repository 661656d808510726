import type { RouteContext } from '../routes/route-context.js';
import { queryMetricAggregates } from './query-metric-aggregates.js';
import { queryCampaignValues, queryFlowSeries, queryFlowValues } from './reporting-routes.js';

/** A POST operation: reads its JSON:API body and answers. */
export type PostRoute = (context: RouteContext, request: Request) => Promise<Response>;

/** The POST endpoints of the spec subset: metric aggregates and the reporting API. */
export const REPORT_ROUTES: Readonly<Record<string, PostRoute>> = {
  '/api/metric-aggregates': queryMetricAggregates,
  '/api/campaign-values-reports': queryCampaignValues,
  '/api/flow-values-reports': queryFlowValues,
  '/api/flow-series-reports': queryFlowSeries,
};
