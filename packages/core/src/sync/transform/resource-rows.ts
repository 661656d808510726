import type { z } from 'zod';
import {
  campaignMessageResource,
  campaignResource,
  describeIssues,
  flowActionResource,
  flowMessageResource,
  flowResource,
  listResource,
  profileResource,
  segmentResource,
} from '../../klaviyo/resources.js';
import { toJsonb } from '../jsonb.js';
import type { ResourceLoad, ResourceTable, RowOf } from '../streams/resource-loader.js';

type Transform<T extends ResourceTable> = ResourceLoad<T>['toRow'];

const date = (value: string | null | undefined): Date | null => (value ? new Date(value) : null);

/** Validates with `schema`, then maps; a failure becomes the quarantine reason. */
function validated<S extends z.ZodType, T extends ResourceTable>(label: string, schema: S, map: (resource: z.infer<S>) => RowOf<T>): Transform<T> {
  return (record) => {
    const parsed = schema.safeParse(record);
    return parsed.success ? { ok: true, row: map(parsed.data) } : { ok: false, reason: `invalid ${label}: ${describeIssues(parsed.error)}` };
  };
}

export const profileRow = validated('profile', profileResource, (profile): RowOf<'profiles'> => ({
  id: profile.id,
  email: profile.attributes.email ?? null,
  phone_number: profile.attributes.phone_number ?? null,
  external_id: profile.attributes.external_id ?? null,
  first_name: profile.attributes.first_name ?? null,
  last_name: profile.attributes.last_name ?? null,
  created: date(profile.attributes.created),
  updated: date(profile.attributes.updated),
  last_event_date: date(profile.attributes.last_event_date),
  attributes: toJsonb(profile.attributes),
}));

export const listRow = validated('list', listResource, (list): RowOf<'lists'> => ({
  id: list.id,
  name: list.attributes.name,
  opt_in_process: list.attributes.opt_in_process ?? null,
  created: date(list.attributes.created),
  updated: date(list.attributes.updated),
  attributes: toJsonb(list.attributes),
  deleted_at: null,
}));

export const segmentRow = validated('segment', segmentResource, (segment): RowOf<'segments'> => ({
  id: segment.id,
  name: segment.attributes.name,
  is_active: segment.attributes.is_active ?? null,
  is_processing: segment.attributes.is_processing ?? null,
  is_starred: segment.attributes.is_starred ?? null,
  created: date(segment.attributes.created),
  updated: date(segment.attributes.updated),
  attributes: toJsonb(segment.attributes),
  deleted_at: null,
}));

/** Campaign rows of one channel's listing (the listing is per channel, the resource does not say). */
export const campaignRow = (channel: string) =>
  validated('campaign', campaignResource, (campaign): RowOf<'campaigns'> => ({
    id: campaign.id,
    name: campaign.attributes.name,
    channel,
    status: campaign.attributes.status ?? null,
    archived: campaign.attributes.archived ?? null,
    send_time: date(campaign.attributes.send_time),
    scheduled_at: date(campaign.attributes.scheduled_at),
    created_at: date(campaign.attributes.created_at),
    updated_at: date(campaign.attributes.updated_at),
    attributes: toJsonb(campaign.attributes),
    deleted_at: null,
  }));

export const campaignMessageRow = (campaignId: string) =>
  validated('campaign message', campaignMessageResource, (message): RowOf<'campaign_messages'> => ({
    id: message.id,
    campaign_id: campaignId,
    channel: message.attributes.definition?.channel ?? null,
    label: message.attributes.definition?.label ?? null,
    created_at: date(message.attributes.created_at),
    updated_at: date(message.attributes.updated_at),
    attributes: toJsonb(message.attributes),
    deleted_at: null,
  }));

export const flowRow = validated('flow', flowResource, (flow): RowOf<'flows'> => ({
  id: flow.id,
  name: flow.attributes.name,
  status: flow.attributes.status ?? null,
  archived: flow.attributes.archived ?? null,
  trigger_type: flow.attributes.trigger_type ?? null,
  created: date(flow.attributes.created),
  updated: date(flow.attributes.updated),
  attributes: toJsonb(flow.attributes),
  deleted_at: null,
}));

export const flowActionRow = (flowId: string) =>
  validated('flow action', flowActionResource, (action): RowOf<'flow_actions'> => ({
    id: action.id,
    flow_id: flowId,
    action_type: action.attributes.action_type ?? action.attributes.definition?.type ?? null,
    status: action.attributes.status ?? action.attributes.definition?.data?.status ?? null,
    created: date(action.attributes.created),
    updated: date(action.attributes.updated),
    attributes: toJsonb(action.attributes),
    deleted_at: null,
  }));

export const flowMessageRow = (flowId: string, flowActionId: string) =>
  validated('flow message', flowMessageResource, (message): RowOf<'flow_messages'> => ({
    id: message.id,
    flow_id: flowId,
    flow_action_id: flowActionId,
    name: message.attributes.name ?? message.attributes.definition?.name ?? null,
    channel: message.attributes.channel ?? message.attributes.definition?.channel ?? null,
    created: date(message.attributes.created),
    updated: date(message.attributes.updated),
    attributes: toJsonb(message.attributes),
    deleted_at: null,
  }));
