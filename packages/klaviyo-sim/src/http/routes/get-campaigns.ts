import type { SimCampaign } from '../../store/types.js';
import { invalidFilter } from '../filter/filter-rules.js';
import type { FieldKind } from '../filter/record-filter.js';
import { CAMPAIGN_ATTRIBUTES, CAMPAIGN_MESSAGE_ATTRIBUTES, campaignMessageResource, campaignResource } from './campaign-resources.js';
import { serveCollection, type CollectionSpec } from './collection-route.js';
import type { RouteContext } from './route-context.js';
import { fieldList, includeList } from './route-params.js';

const COMPARISONS = ['greater-or-equal', 'greater-than', 'less-or-equal', 'less-than'] as const;
const CHANNELS = ['email', 'sms', 'mobile_push'];
const time = (text: string) => Date.parse(text);

/** `GET /api/campaigns`: one channel at a time (the channel filter is required), non-archived unless asked. */
function campaignsSpec(context: RouteContext): CollectionSpec<SimCampaign> {
  const { store } = context;
  return {
    resource: 'campaign',
    declared: ['fields[campaign-message]', 'fields[campaign]', 'fields[tag]', 'include'],
    filterRules: {
      id: ['any'],
      'messages.channel': ['equals'],
      name: ['contains'],
      status: ['any', 'equals'],
      archived: ['equals'],
      created_at: COMPARISONS,
      scheduled_at: COMPARISONS,
      updated_at: COMPARISONS,
    },
    filterKinds: { archived: 'boolean', created_at: 'datetime', scheduled_at: 'datetime', updated_at: 'datetime' } satisfies Record<string, FieldKind>,
    read: (campaign, field) => {
      switch (field) {
        case 'messages.channel':
          return campaign.channel;
        case 'archived':
          return campaign.archived;
        case 'created_at':
        case 'scheduled_at':
        case 'updated_at':
          return time(campaign[field]);
        case 'id':
        case 'name':
        case 'status':
          return campaign[field];
        default:
          return null;
      }
    },
    sorts: {
      created_at: (campaign) => time(campaign.created_at),
      id: (campaign) => campaign.id,
      name: (campaign) => campaign.name,
      scheduled_at: (campaign) => time(campaign.scheduled_at),
      updated_at: (campaign) => time(campaign.updated_at),
    },
    pageSizes: { default: 100, max: 100 },
    requireFilter: (filter) => {
      const channels = filter.equalsValues('messages.channel');
      if (channels.length === 0) {
        throw invalidFilter("A channel filter is required to list campaigns. Please try your request again with a filter specifying the channel, e.g. equals(messages.channel,'email').");
      }
      for (const channel of channels) {
        if (typeof channel !== 'string' || !CHANNELS.includes(channel)) throw invalidFilter(`'${String(channel)}' is not a valid channel. Valid channels: ${CHANNELS.join(', ')}.`);
      }
    },
    // Klaviyo leaves archived campaigns out unless the filter asks about `archived`.
    items: (filter) => (filter.conditions.some((condition) => condition.field === 'archived') ? store.campaigns : store.campaigns.filter((campaign) => !campaign.archived)),
    idOf: (campaign) => campaign.id,
    render: (base, campaign, params) => campaignResource(base, campaign, fieldList(params, 'fields[campaign]', CAMPAIGN_ATTRIBUTES)),
    included: (base, page, params) => {
      const include = includeList(params, ['campaign-messages', 'tags']);
      fieldList(params, 'fields[tag]', ['name']);
      const messageFields = fieldList(params, 'fields[campaign-message]', CAMPAIGN_MESSAGE_ATTRIBUTES);
      if (include.length === 0) return undefined;
      const sender = { email: store.account.contact_information.default_sender_email, name: store.account.contact_information.default_sender_name };
      if (!include.includes('campaign-messages')) return [];
      return page.flatMap((campaign) => {
        const message = store.campaignMessage(campaign.messageId);
        return message ? [campaignMessageResource(base, message, sender, messageFields)] : [];
      });
    },
  };
}

/** `GET /api/campaigns` (get_campaigns). */
export function getCampaigns(context: RouteContext, request: Request): Response {
  return serveCollection(campaignsSpec(context), context, request);
}
