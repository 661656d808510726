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
