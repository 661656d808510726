import type { KlaviyoResponse } from '../../klaviyo/client.js';
import { klaviyoFilter } from '../../klaviyo/filter.js';
import { flowActionRow, flowMessageRow, flowRow } from '../transform/resource-rows.js';
import type { StreamReport } from '../types.js';
import { updatedSince } from './audiences.js';
import { markChildrenDeleted, markDeleted, noIds, noteIds, sweepDeleted } from './deletions.js';
import { changedRecordIds } from './flow-changes.js';
import { advancePast, eachPage, emptyReport, loadPage, type ResourceLoad, type StreamContext } from './resource-loader.js';

const flowsLoad: ResourceLoad<'flows'> = { stream: 'flows', table: 'flows', toRow: flowRow, cursor: (row) => (row.updated instanceof Date ? row.updated : null) };

interface ChildReports {
  actions: StreamReport;
  messages: StreamReport;
}

/**
 * Flows changed since the last sync, and under each the actions and messages that changed; then
 * the flows, actions and messages deleted in Klaviyo.
 *
 * Klaviyo lists actions only per flow and messages only per action (no account-wide listing of
 * either), so changes are found from the top: the flows listing is incremental on `updated`; a flow
 * or action whose `updated` has not moved since it was stored is not opened; a changed one has all
 * its children listed (one page of up to 50, as a listing of only the changed ones would take, and
 * only a whole listing shows which children were deleted). A parent is stored only after its
 * children, so an interrupted sync finds it changed again and resumes below it. This relies on
 * Klaviyo moving a parent's `updated` when a child changes (the spec does not say; the simulator
 * does): children of an unchanged flow are not read.
 *
 * Deletions never show in an incremental listing, so every sync also lists the id of every flow,
 * archived or not (`flows:ids`, a few pages): stored flows missing from it are marked deleted with
 * their actions and messages. Children missing from their changed parent's listing are marked too.
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
    for (const flowId of changed) await syncFlowActions(context, flowId, children);
    await advancePast(context, flowsLoad, await loadPage(context, flowsLoad, page, flows), flows);
  });
  const ids = await sweepDeletedFlows(context, children);
  return [flows, children.actions, children.messages, ids];
}

/** Lists every flow's id (archived and not: Klaviyo may leave archived ones out of a plain listing) and marks the stored flows it lacks. */
async function sweepDeletedFlows(context: StreamContext, children: ChildReports): Promise<StreamReport> {
  const listing = (archived: boolean) => () =>
    context.klaviyo.list('/api/flows', { query: { filter: klaviyoFilter.equals('archived', archived), 'fields[flow]': ['name'], 'page[size]': 50 }, ...signalOf(context) });
  const { report, gone } = await sweepDeleted(context, 'flows', [listing(false), listing(true)]);
  await markChildrenDeleted(context, 'flow_actions', 'flow_id', gone, children.actions);
  await markChildrenDeleted(context, 'flow_messages', 'flow_id', gone, children.messages);
  return report;
}

async function syncFlowActions(context: StreamContext, flowId: string, reports: ChildReports): Promise<void> {
  const load: ResourceLoad<'flow_actions'> = { stream: reports.actions.stream, table: 'flow_actions', toRow: flowActionRow(flowId) };
  const pages = () => context.klaviyo.list('/api/flows/{id}/flow-actions', { path: { id: flowId }, query: CHILD_QUERY, ...signalOf(context) });
  const listed = noIds();
  await eachPage(pages, async (page) => {
    noteIds(listed, page);
    const changed = await changedRecordIds(context, 'flow_actions', recordsOf(page));
    for (const actionId of changed) await syncActionMessages(context, flowId, actionId, reports.messages);
    await loadPage(context, load, page, reports.actions);
  });
  const gone = await markDeleted(context, { table: 'flow_actions', parent: { column: 'flow_id', id: flowId } }, listed, reports.actions);
  await markChildrenDeleted(context, 'flow_messages', 'flow_action_id', gone, reports.messages);
}

async function syncActionMessages(context: StreamContext, flowId: string, actionId: string, report: StreamReport): Promise<void> {
  const load: ResourceLoad<'flow_messages'> = { stream: report.stream, table: 'flow_messages', toRow: flowMessageRow(flowId, actionId) };
  const pages = () => context.klaviyo.list('/api/flow-actions/{id}/flow-messages', { path: { id: actionId }, query: CHILD_QUERY, ...signalOf(context) });
  const listed = noIds();
  await eachPage(pages, async (page) => {
    noteIds(listed, page);
    await loadPage(context, load, page, report);
  });
  await markDeleted(context, { table: 'flow_messages', parent: { column: 'flow_action_id', id: actionId } }, listed, report);
}

/** Oldest change first, 50 a page (the endpoints' maximum). */
const CHILD_QUERY = { sort: 'updated', 'page[size]': 50 } as const;

const signalOf = (context: StreamContext) => (context.signal ? { signal: context.signal } : {});

const recordsOf = (page: KlaviyoResponse<unknown>): unknown[] => {
  const data = (page.body as { data?: unknown }).data;
  return Array.isArray(data) ? data : [];
};
