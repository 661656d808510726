import { formatKlaviyoDateTime } from '../time/klaviyo-datetime.js';
import type { Audiences } from './audiences.js';
import type { Catalogs } from './store-catalogs.js';
import type { KlaviyoStore, SimFlow } from './types.js';

/** The store's edit operations (see their docs on {@link KlaviyoStore}). */
export type StoreEdits = Pick<KlaviyoStore, 'updateFlow' | 'deleteFlow' | 'deleteFlowAction' | 'deleteCampaign' | 'deleteList' | 'deleteSegment'>;

/** Removes `item` from `array` in place, if it is there. */
function remove<T>(array: T[], item: T): void {
  const index = array.indexOf(item);
  if (index >= 0) array.splice(index, 1);
}

/** Deletes entry `id` from its index and its listing, once `forgetParts` has dropped its parts; false if there is none. */
function deleteEntry<T>(byId: Map<string, T>, listing: T[], id: string, forgetParts: (entry: T) => void): boolean {
  const entry = byId.get(id);
  if (entry === undefined) return false;
  forgetParts(entry);
  byId.delete(id);
  remove(listing, entry);
  return true;
}

/**
 * Deletes list or segment `id` from `listing` (the array `store.lists` or `store.segments` serves)
 * and forgets its rule, so memberships and member counts lose it with the listings; false if there
 * is none. What names it elsewhere stays, as in Klaviyo: a campaign's `audience` still names a
 * deleted list or segment (Klaviyo keeps a campaign's audiences as they were sent), a segment's
 * `definition` keeps the ids it names, and the list-triggered flow stays with its `trigger`, which
 * the API never serves on a flow (Klaviyo's v2 Delete List "will also remove flow triggers
 * associated with the list": only `include=flow-triggers` on the list served them). Segments here
 * are ruled by profile traits, not list membership, so no other audience's members change; no
 * event names a list or segment, so events stay too.
 */
function deleteAudience(audiences: Audiences, listing: { id: string }[], id: string): boolean {
  const index = listing.findIndex((audience) => audience.id === id);
  if (index < 0) return false;
  listing.splice(index, 1);
  audiences.forgetRule(id);
  return true;
}

/**
 * Edits of the campaign and flow catalogues and of the audiences, in place. `flows` is the array `store.flows` serves,
 * so it is edited too. Each edit builds the lazy catalogues first: they index `flows` when built,
 * and built after a flow had left it they would still hold its actions and messages. Events are
 * generated from the store model and the message directory, made when the store was created and
 * never from these catalogues, so the events of a deleted flow or campaign stay as they were,
 * attributions included, as Klaviyo keeps them.
 *
 * ### Examples
 * ```ts
 * const edits = createStoreEdits(catalogs, flowCatalog.flows, audiences, now.getTime());
 * edits.updateFlow(flowId, { status: 'draft' })?.status; // 'draft'
 * edits.deleteFlow(flowId); // true, then false
 * edits.deleteList(audiences.campaignAudienceIds.sms); // true: gone from lists, memberships and counts
 * ```
 */
export function createStoreEdits(catalogs: () => Catalogs, flows: SimFlow[], audiences: Audiences, now: number): StoreEdits {
  const stamp = formatKlaviyoDateTime(now);
  const forgetAction = (catalog: Catalogs, id: string) => {
    const action = catalog.flowActionsById.get(id);
    if (action?.messageId !== undefined) catalog.flowMessagesById.delete(action.messageId);
    catalog.flowActionsById.delete(id);
    return action;
  };
  return {
    updateFlow: (id, changes) => {
      const catalog = catalogs();
      const flow = catalog.flowsById.get(id);
      if (!flow) return undefined;
      flow.status = changes.status;
      flow.updated = stamp;
      for (const actionId of flow.actionIds) {
        const action = catalog.flowActionsById.get(actionId);
        if (!action) continue;
        action.status = changes.status;
        action.updated = stamp;
      }
      return flow;
    },
    deleteFlow: (id) => {
      const catalog = catalogs();
      return deleteEntry(catalog.flowsById, flows, id, (flow) => flow.actionIds.forEach((actionId) => forgetAction(catalog, actionId)));
    },
    deleteFlowAction: (id) => {
      const catalog = catalogs();
      const action = forgetAction(catalog, id);
      if (!action) return false;
      const flow = catalog.flowsById.get(action.flowId);
      if (flow) {
        remove(flow.actionIds, id);
        flow.updated = stamp;
      }
      return true;
    },
    deleteCampaign: (id) => {
      const catalog = catalogs();
      return deleteEntry(catalog.campaignsById, catalog.campaigns, id, (campaign) => catalog.campaignMessagesById.delete(campaign.messageId));
    },
    deleteList: (id) => deleteAudience(audiences, audiences.lists, id),
    deleteSegment: (id) => deleteAudience(audiences, audiences.segments, id),
  };
}
