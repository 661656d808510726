import { describeCampaign } from './campaign-catalog.js';
import type { Audiences } from './audiences.js';
import type { FlowCatalog } from './flow-catalog.js';
import type { StoreModel } from './store-model.js';
import type { SimCampaign, SimCampaignMessage, SimFlow, SimFlowAction, SimFlowMessage } from './types.js';

/** Campaigns are listed from this many days before the event window. */
const CAMPAIGNS_BEFORE_WINDOW_DAYS = 30;
/** Campaigns scheduled up to this many days after `now` are already created. */
const CAMPAIGNS_AHEAD_DAYS = 14;

/** Campaigns, flows and their parts, indexed by id. */
export interface Catalogs {
  campaigns: SimCampaign[];
  campaignsById: Map<string, SimCampaign>;
  campaignMessagesById: Map<string, SimCampaignMessage>;
  flowsById: Map<string, SimFlow>;
  flowActionsById: Map<string, SimFlowAction>;
  flowMessagesById: Map<string, SimFlowMessage>;
}

/**
 * The campaigns created before `now`, from a month before the window to two weeks after `now`
 * (sent ones and those already scheduled), in send order, plus the flow catalogue by id.
 */
export function buildCatalogs(model: StoreModel, audiences: Audiences, flows: FlowCatalog, window: { startDay: number; nowDay: number; now: number }): Catalogs {
  const campaigns: SimCampaign[] = [];
  const campaignMessagesById = new Map<string, SimCampaignMessage>();
  for (let day = window.startDay - CAMPAIGNS_BEFORE_WINDOW_DAYS; day <= window.nowDay + CAMPAIGNS_AHEAD_DAYS; day += 1) {
    for (const send of model.campaignSends(day)) {
      const { campaign, message } = describeCampaign(model.seed, send, audiences.campaignAudienceIds, window.now);
      if (Date.parse(campaign.created_at) >= window.now) continue;
      campaigns.push(campaign);
      campaignMessagesById.set(message.id, message);
    }
  }
  return {
    campaigns,
    campaignsById: new Map(campaigns.map((campaign) => [campaign.id, campaign])),
    campaignMessagesById,
    flowsById: new Map(flows.flows.map((flow) => [flow.id, flow])),
    flowActionsById: new Map(flows.actions.map((action) => [action.id, action])),
    flowMessagesById: new Map(flows.messages.map((message) => [message.id, message])),
  };
}

/** Computes a value on first use only (campaign catalogues cost a few hundred Intl calls). */
export function lazy<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}
