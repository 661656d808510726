import { klaviyoFilter } from '../../klaviyo/filter.js';
import { flowActionRow, flowMessageRow, flowRow } from '../transform/resource-rows.js';
import type { StreamReport } from '../types.js';
import { updatedSince } from './audiences.js';
import { eachPage, emptyReport, loadPage, loadPages, type StreamContext } from './resource-loader.js';

/**
 * Flows changed since the last sync, with every action of each and every message of each action
 * (50 a page, the endpoints' maximum). Children are read again in full when their flow changed.
 */
export async function syncFlows(context: StreamContext): Promise<StreamReport[]> {
  const { since, previous } = await updatedSince(context, 'flows');
  const signal = context.signal ? { signal: context.signal } : {};
  const actions = emptyReport('flow-actions');
  const messages = emptyReport('flow-messages');
  const pages = () => context.klaviyo.list('/api/flows', {
    query: { sort: 'updated', 'page[size]': 50, ...(since ? { filter: klaviyoFilter.greaterOrEqual('updated', since) } : {}) },
    ...signal,
  });
  const flows = await loadPages(
    context,
    { stream: 'flows', table: 'flows', toRow: flowRow, cursor: (row) => (row.updated instanceof Date ? row.updated : null) },
    pages,
    async (rows) => {
      for (const flow of rows) {
        const actionPages = () => context.klaviyo.list('/api/flows/{id}/flow-actions', { path: { id: flow.id }, query: { 'page[size]': 50 }, ...signal });
        await eachPage(actionPages, async (actionPage) => {
          const stored = await loadPage(context, { stream: actions.stream, table: 'flow_actions', toRow: flowActionRow(flow.id) }, actionPage, actions);
          for (const action of stored) {
            const messagePages = () => context.klaviyo.list('/api/flow-actions/{id}/flow-messages', { path: { id: action.id }, query: { 'page[size]': 50 }, ...signal });
            await eachPage(messagePages, async (messagePage) => {
              await loadPage(context, { stream: messages.stream, table: 'flow_messages', toRow: flowMessageRow(flow.id, action.id) }, messagePage, messages);
            });
          }
        });
      }
    },
    emptyReport('flows', previous),
  );
  return [flows, actions, messages];
}
