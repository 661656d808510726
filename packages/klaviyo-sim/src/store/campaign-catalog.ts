import { hashKey } from '../random/hash.js';
import { civilDateOf } from '../time/civil-date.js';
import { formatKlaviyoDateTime } from '../time/klaviyo-datetime.js';
import { campaignPlansOn, type CampaignPlan } from './campaign-plans.js';
import { ulidLike } from './ids.js';
import type { LocalClock } from './local-clock.js';
import type { SimCampaign, SimCampaignMessage } from './types.js';

const MS_PER_DAY = 86_400_000;
/** Message refs below this number are flow messages; campaign refs encode (day, slot) above it. */
export const CAMPAIGN_REF_BASE = 64;
const REF_EPOCH_DAY = 10_957; // 2000-01-01

/** A planned campaign with its send instant and ids: what the event generators need. */
export interface CampaignSend {
  plan: CampaignPlan;
  /** Send instant (ms). */
  sendAt: number;
  /** The message ref used in generated events. */
  ref: number;
  campaignId: string;
  messageId: string;
}

/** The compact message ref of a campaign slot. */
export function campaignRef(day: number, slot: number): number {
  return CAMPAIGN_REF_BASE + (day - REF_EPOCH_DAY) * 3 + slot;
}

/** The (day, slot) a campaign ref stands for. */
export function decodeCampaignRef(ref: number): { day: number; slot: number } {
  const offset = ref - CAMPAIGN_REF_BASE;
  return { day: REF_EPOCH_DAY + Math.floor(offset / 3), slot: offset % 3 };
}

/** The campaigns planned for a day, with send instants and ids (a pure function of seed and day). */
export function campaignSendsOn(seed: number, clock: LocalClock, day: number): CampaignSend[] {
  return campaignPlansOn(seed, day).map((plan) => {
    const sendAt = clock.toInstant({ ...civilDateOf(day), hour: plan.hour, minute: plan.minute, second: 0 });
    const createdAt = createdAtOf(seed, plan, sendAt);
    return {
      plan,
      sendAt,
      ref: campaignRef(day, plan.slot),
      campaignId: ulidLike(createdAt, seed, 'campaign', day, plan.slot),
      messageId: ulidLike(createdAt + 1000, seed, 'campaign-message', day, plan.slot),
    };
  });
}

function createdAtOf(seed: number, plan: CampaignPlan, sendAt: number): number {
  const hash = hashKey(seed, 'campaign-created', plan.day, plan.slot);
  return sendAt - (2 * MS_PER_DAY + (hash % (7 * 86_400)) * 1000);
}

/** A campaign's name: its theme, channel and send date, as teams name them. */
export function campaignName(send: CampaignSend): string {
  return `${send.plan.theme} ${send.plan.channel === 'sms' ? '(SMS) ' : ''}${formatKlaviyoDateTime(send.sendAt).slice(0, 10)}`;
}

/** The campaign and its message as the API serves them, as of `now`. */
export function describeCampaign(seed: number, send: CampaignSend, audienceIds: Record<CampaignPlan['audience'], string>, now: number): { campaign: SimCampaign; message: SimCampaignMessage } {
  const { plan, sendAt } = send;
  const hash = hashKey(seed, 'campaign-times', plan.day, plan.slot);
  const created = createdAtOf(seed, plan, sendAt);
  const scheduled = Math.max(created + 60_000, sendAt - (3600 + (hash % 86_400)) * 1000);
  const sent = sendAt < now;
  const updated = sent ? sendAt + (300 + (hash % 1800)) * 1000 : scheduled;
  const name = campaignName(send);
  const campaign: SimCampaign = {
    id: send.campaignId,
    name,
    channel: plan.channel,
    status: sent ? 'Sent' : 'Scheduled',
    // Old campaigns get archived now and then, as teams tidy up.
    archived: sent && now - sendAt > 180 * MS_PER_DAY && hash % 10 === 0,
    audience: [audienceIds[plan.audience]],
    created_at: formatKlaviyoDateTime(created),
    scheduled_at: formatKlaviyoDateTime(scheduled),
    updated_at: formatKlaviyoDateTime(Math.min(updated, Math.max(now - 1000, scheduled))),
    send_time: formatKlaviyoDateTime(sendAt),
    messageId: send.messageId,
    occasion: plan.occasion,
  };
  const message: SimCampaignMessage = {
    id: send.messageId,
    campaignId: send.campaignId,
    channel: plan.channel,
    label: name,
    subject: plan.subject,
    preview_text: plan.channel === 'email' ? `${plan.theme}: see what is new this week` : null,
    send_time: campaign.send_time,
    created_at: formatKlaviyoDateTime(created + 1000),
    updated_at: campaign.updated_at,
  };
  return { campaign, message };
}

/**
 * Send instants of every newsletter campaign (slot 0) between two days, sorted: a profile
 * unsubscribes in response to its n-th newsletter after signup, found here by binary search.
 */
export function newsletterSendInstants(seed: number, clock: LocalClock, firstDay: number, lastDay: number): number[] {
  const instants: number[] = [];
  for (let day = firstDay; day <= lastDay; day += 1) {
    for (const send of campaignSendsOn(seed, clock, day)) if (send.plan.slot === 0) instants.push(send.sendAt);
  }
  return instants;
}
