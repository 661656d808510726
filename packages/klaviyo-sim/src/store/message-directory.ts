import { CAMPAIGN_REF_BASE, campaignName, decodeCampaignRef } from './campaign-catalog.js';
import type { FlowCatalog } from './flow-catalog.js';
import type { StoreModel } from './store-model.js';
import type { SimAttribution } from './types.js';

/** What events say about the message they belong to. */
export interface MessageInfo {
  attribution: SimAttribution;
  /** Campaign name, or the flow message's name (Klaviyo's "Campaign Name" property holds it for flows too). */
  name: string;
  subject: string;
}

/** Resolves the compact message refs of generated events. */
export type MessageDirectory = (ref: number) => MessageInfo | undefined;

/** Builds the ref → message lookup over the flow catalogue and the campaign calendar. */
export function createMessageDirectory(model: StoreModel, flows: FlowCatalog): MessageDirectory {
  const flowInfos: MessageInfo[] = flows.messageByRef.map((message) => ({
    attribution: { channel: message.channel, messageId: message.id, flowId: message.flowId },
    name: message.name,
    subject: message.subject,
  }));
  const campaignInfo = (ref: number): MessageInfo | undefined => {
    const { day, slot } = decodeCampaignRef(ref);
    const send = model.campaignSends(day).find((candidate) => candidate.plan.slot === slot);
    if (!send) return undefined;
    return {
      attribution: { channel: send.plan.channel, messageId: send.messageId, campaignId: send.campaignId },
      name: campaignName(send),
      subject: send.plan.subject,
    };
  };
  // Every event of a campaign names it: one lookup per campaign, not per event (a few per day).
  const campaignInfos = new Map<number, MessageInfo | undefined>();
  return (ref) => {
    if (ref < 0) return undefined;
    if (ref < CAMPAIGN_REF_BASE) return flowInfos[ref];
    if (!campaignInfos.has(ref)) campaignInfos.set(ref, campaignInfo(ref));
    return campaignInfos.get(ref);
  };
}
