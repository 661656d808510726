import type { KlaviyoResponse } from '../../klaviyo/client.js';
import { klaviyoFilter } from '../../klaviyo/filter.js';
import { flowActionRow, flowMessageRow, flowRow } from '../transform/resource-rows.js';
import type { StreamReport } from '../types.js';
import { updatedSince } from './audiences.js';
import { changedRecordIds, latestChildUpdates } from './flow-changes.js';
import { advancePast, eachPage, emptyReport, loadPage, type ResourceLoad, type StreamContext } from './resource-loader.js';

const flowsLoad: ResourceLoad<'flows'> = { stream: 'flows', table: 'flows', toRow: flowRow, cursor: (row) => (row.updated instanceof Date ? row.updated : null) };

interface ChildReports {
  actions: StreamReport;
  messages: StreamReport;
}

/**
 * Flows changed since the last sync, and under each the actions and messages that changed.
 *
 * Klaviyo lists actions only per flow and messages only per action (no account-wide listing of
 * either), so changes are found from the top: the flows listing is incremental on `updated`; a flow
 * or action whose `updated` has not moved since it was stored is not opened; a changed one lists
 * only its children updated since the latest child stored under it, less the lookback
 * (`greater-or-equal`, so children at the bound are read again, never skipped). A parent is stored
 * only after its children, so an interrupted sync finds it changed again and resumes below it.
 * This relies on Klaviyo moving a parent's `updated` when a child changes (the spec does not say;
 * the simulator does): children of an unchanged flow are not read.
 */
export async function syncFlows(context: StreamContext): Promise<StreamReport[]> {
  const { since, previous } = await updatedSince(context, 'flows');
  const flows = emptyReport('flows', previous);
  const children: ChildReports = { actions: emptyReport('flow-actions'), messages: emptyReport('flow-messages') };
  const pages = () => context.klaviyo.list('/api/flows', {
    query: { sort: 'updated', 'page[size]': 50, ...(since ? { filter: klaviyoFilter.greaterOrEqual('updated', since) } : {}) },
    ...signalOf(context),
  });
  await eachPage(pages, async (page) => {
    const changed = await changedRecordIds(context, 'flows', recordsOf(page));
    const latest = await latestChildUpdates(context, 'flow_actions', changed);
    for (const flowId of changed) await syncFlowActions(context, flowId, latest.get(flowId), children);
    await advancePast(context, flowsLoad, await loadPage(context, flowsLoad, page, flows), flows);
  });
  return [flows, children.actions, children.messages];
}

async function syncFlowActions(context: StreamContext, flowId: string, latestStored: Date | undefined, reports: ChildReports): Promise<void> {
  const load: ResourceLoad<'flow_actions'> = { stream: reports.actions.stream, table: 'flow_actions', toRow: flowActionRow(flowId) };
  const pages = () => context.klaviyo.list('/api/flows/{id}/flow-actions', { path: { id: flowId }, query: childQuery(context, latestStored), ...signalOf(context) });
  await eachPage(pages, async (page) => {
    const changed = await changedRecordIds(context, 'flow_actions', recordsOf(page));
    const latest = await latestChildUpdates(context, 'flow_messages', changed);
    for (const actionId of changed) await syncActionMessages(context, flowId, actionId, latest.get(actionId), reports.messages);
    await loadPage(context, load, page, reports.actions);
  });
}

async function syncActionMessages(context: StreamContext, flowId: string, actionId: string, latestStored: Date | undefined, report: StreamReport): Promise<void> {
  const load: ResourceLoad<'flow_messages'> = { stream: report.stream, table: 'flow_messages', toRow: flowMessageRow(flowId, actionId) };
  const pages = () => context.klaviyo.list('/api/flow-actions/{id}/flow-messages', { path: { id: actionId }, query: childQuery(context, latestStored), ...signalOf(context) });
  await eachPage(pages, async (page) => {
    await loadPage(context, load, page, report);
  });
}

/** Oldest change first, 50 a page (the endpoints' maximum); everything when nothing is stored yet. */
function childQuery(context: StreamContext, latestStored: Date | undefined) {
  const since = latestStored ? new Date(latestStored.getTime() - context.lookbackMs) : null;
  return { sort: 'updated', 'page[size]': 50, ...(since ? { filter: klaviyoFilter.greaterOrEqual('updated', since) } : {}) } as const;
}

const signalOf = (context: StreamContext) => (context.signal ? { signal: context.signal } : {});

const recordsOf = (page: KlaviyoResponse<unknown>): unknown[] => {
  const data = (page.body as { data?: unknown }).data;
  return Array.isArray(data) ? data : [];
};
