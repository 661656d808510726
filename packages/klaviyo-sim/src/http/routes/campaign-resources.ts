import type { SimCampaign, SimCampaignMessage } from '../../store/types.js';
import { relationshipLinks, resourceLink } from '../links.js';
import type { Resource } from '../resources.js';
import { pickFields } from '../sparse-fieldsets.js';

/** Top-level attributes of `campaign`, for `fields[campaign]`. */
export const CAMPAIGN_ATTRIBUTES = ['archived', 'audiences', 'created_at', 'name', 'scheduled_at', 'send_options', 'send_strategy', 'send_time', 'status', 'tracking_options', 'updated_at'] as const;
/** Top-level attributes of `campaign-message`. */
export const CAMPAIGN_MESSAGE_ATTRIBUTES = ['created_at', 'definition', 'send_times', 'updated_at'] as const;

/** The `campaign` resource, with its message and (no) tags as relationships. */
export function campaignResource(base: string, campaign: SimCampaign, fields?: readonly string[]): Resource {
  const attributes = {
    name: campaign.name,
    status: campaign.status,
    archived: campaign.archived,
    audiences: { included: campaign.audience, excluded: [] },
    send_options: { use_smart_sending: true },
    tracking_options:
      campaign.channel === 'email'
        ? { add_tracking_params: true, custom_tracking_params: null, is_tracking_clicks: true, is_tracking_opens: true }
        : { add_tracking_params: true, custom_tracking_params: null },
    send_strategy: { method: 'static', datetime: campaign.send_time, options: { is_local: false } },
    created_at: campaign.created_at,
    scheduled_at: campaign.scheduled_at,
    updated_at: campaign.updated_at,
    send_time: campaign.send_time,
  };
  return {
    type: 'campaign',
    id: campaign.id,
    attributes: pickFields(attributes, fields),
    relationships: {
      'campaign-messages': { data: [{ type: 'campaign-message', id: campaign.messageId }], links: relationshipLinks(base, 'campaigns', campaign.id, 'campaign-messages') },
      tags: { data: [], links: relationshipLinks(base, 'campaigns', campaign.id, 'tags') },
    },
    links: { self: resourceLink(base, 'campaigns', campaign.id) },
  };
}

function definitionOf(message: SimCampaignMessage, fromEmail: string, fromLabel: string): Record<string, unknown> {
  if (message.channel === 'sms') {
    return {
      channel: 'sms',
      content: { body: message.subject, media_url: null },
      render_options: { shorten_links: true, add_org_prefix: true, add_info_link: true, add_opt_out_language: false },
    };
  }
  return {
    channel: 'email',
    label: message.label,
    content: { subject: message.subject, preview_text: message.preview_text, from_email: fromEmail, from_label: fromLabel, reply_to_email: null, cc_email: null, bcc_email: null },
  };
}

/** The `campaign-message` resource; the sender comes from the account. */
export function campaignMessageResource(base: string, message: SimCampaignMessage, sender: { email: string; name: string }, fields?: readonly string[]): Resource {
  const attributes = {
    definition: definitionOf(message, sender.email, sender.name),
    send_times: [{ datetime: message.send_time, is_local: false }],
    created_at: message.created_at,
    updated_at: message.updated_at,
  };
  return {
    type: 'campaign-message',
    id: message.id,
    attributes: pickFields(attributes, fields),
    relationships: {
      campaign: { data: { type: 'campaign', id: message.campaignId }, links: relationshipLinks(base, 'campaign-messages', message.id, 'campaign') },
      template: { links: relationshipLinks(base, 'campaign-messages', message.id, 'template') },
      image: { links: relationshipLinks(base, 'campaign-messages', message.id, 'image') },
    },
    links: { self: resourceLink(base, 'campaign-messages', message.id) },
  };
}
