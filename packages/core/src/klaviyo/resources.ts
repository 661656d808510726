import { z } from 'zod';

// Schemas for the parts of Klaviyo's resources that Klens reads. They are deliberately loose about
// everything else: Klaviyo adds attributes between revisions and we keep the whole record anyway.

const isoDatetime = z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'is not an ISO-8601 datetime');

export const accountResource = z.object({
  type: z.literal('account'),
  id: z.string().min(1),
  attributes: z.looseObject({
    timezone: z.string().min(1),
    preferred_currency: z.string().nullish(),
    contact_information: z.looseObject({ organization_name: z.string().nullish() }).nullish(),
  }),
});
export type AccountResource = z.infer<typeof accountResource>;

export const metricResource = z.object({
  type: z.literal('metric'),
  id: z.string().min(1),
  attributes: z.looseObject({
    name: z.string().min(1),
    created: isoDatetime.nullish(),
    updated: isoDatetime.nullish(),
    integration: z.looseObject({ name: z.string().nullish(), category: z.string().nullish() }).nullish(),
  }),
});
export type MetricResource = z.infer<typeof metricResource>;

const relatedId = z.object({ data: z.object({ id: z.string().min(1) }).nullish() }).nullish();

export const eventResource = z.object({
  type: z.literal('event'),
  id: z.string().min(1),
  attributes: z.looseObject({
    datetime: isoDatetime.nullish(),
    timestamp: z.number().int().nullish(),
    uuid: z.string().nullish(),
    event_properties: z.record(z.string(), z.unknown()).nullish(),
  }),
  relationships: z.looseObject({ metric: relatedId, profile: relatedId }).nullish(),
});
export type EventResource = z.infer<typeof eventResource>;

/** Turns a zod failure into one line that says which field is wrong and how. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : 'record'}: ${issue.message}`)
    .join('; ');
}

// The other resources Klens loads. Only what a row needs is checked; the attributes are kept whole.

const nullableDatetime = isoDatetime.nullish();
const relatedIds = z.object({ data: z.array(z.object({ type: z.string(), id: z.string().min(1) })).nullish() }).nullish();

const resourceOf = <T extends string, A extends z.ZodRawShape>(type: T, attributes: A) =>
  z.object({ type: z.literal(type), id: z.string().min(1), attributes: z.looseObject(attributes), relationships: z.looseObject({}).nullish() });

export const profileResource = resourceOf('profile', {
  email: z.string().nullish(),
  phone_number: z.string().nullish(),
  external_id: z.string().nullish(),
  first_name: z.string().nullish(),
  last_name: z.string().nullish(),
  created: nullableDatetime,
  updated: nullableDatetime,
  last_event_date: nullableDatetime,
});
export type ProfileResource = z.infer<typeof profileResource>;

export const listResource = resourceOf('list', {
  name: z.string(),
  opt_in_process: z.string().nullish(),
  created: nullableDatetime,
  updated: nullableDatetime,
});

export const segmentResource = resourceOf('segment', {
  name: z.string(),
  is_active: z.boolean().nullish(),
  is_processing: z.boolean().nullish(),
  is_starred: z.boolean().nullish(),
  created: nullableDatetime,
  updated: nullableDatetime,
});

export const campaignResource = resourceOf('campaign', {
  name: z.string(),
  status: z.string().nullish(),
  archived: z.boolean().nullish(),
  send_time: nullableDatetime,
  scheduled_at: nullableDatetime,
  created_at: nullableDatetime,
  updated_at: nullableDatetime,
});
export type CampaignResource = z.infer<typeof campaignResource>;

export const campaignMessageResource = resourceOf('campaign-message', {
  definition: z.looseObject({ channel: z.string().nullish(), label: z.string().nullish() }).nullish(),
  created_at: nullableDatetime,
  updated_at: nullableDatetime,
});

export const flowResource = resourceOf('flow', {
  name: z.string(),
  status: z.string().nullish(),
  archived: z.boolean().nullish(),
  trigger_type: z.string().nullish(),
  created: nullableDatetime,
  updated: nullableDatetime,
});

export const flowActionResource = resourceOf('flow-action', {
  action_type: z.string().nullish(),
  status: z.string().nullish(),
  definition: z.looseObject({ type: z.string().nullish(), data: z.looseObject({ status: z.string().nullish() }).nullish() }).nullish(),
  created: nullableDatetime,
  updated: nullableDatetime,
});

export const flowMessageResource = resourceOf('flow-message', {
  name: z.string().nullish(),
  channel: z.string().nullish(),
  definition: z.looseObject({ name: z.string().nullish(), channel: z.string().nullish() }).nullish(),
  created: nullableDatetime,
  updated: nullableDatetime,
});

const relatedOne = z.object({ data: z.object({ type: z.string(), id: z.string().min(1) }).nullish() }).nullish();

/** An included `attribution`: which message (and which earlier event) Klaviyo credits with a conversion. */
export const attributionResource = z.object({
  type: z.literal('attribution'),
  id: z.string().min(1),
  relationships: z
    .looseObject({
      event: relatedOne,
      'attributed-event': relatedOne,
      campaign: relatedOne,
      'campaign-message': relatedOne,
      flow: relatedOne,
      'flow-message': relatedOne,
      'flow-message-variation': relatedOne,
    })
    .nullish(),
});
export type AttributionResource = z.infer<typeof attributionResource>;

/** `relationships.<name>.data` ids of a to-many relationship, e.g. an event's attributions. */
export const toManyRelationship = relatedIds;
