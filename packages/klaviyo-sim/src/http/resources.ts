import type { SimAccount, SimEvent, SimMetric, SimProfile } from '../store/types.js';
import { formatKlaviyoDateTime } from '../time/klaviyo-datetime.js';
import { relationshipLinks, resourceLink } from './links.js';
import { pickFields } from './sparse-fieldsets.js';

/** A JSON:API resource object as Klaviyo serves it. */
export interface Resource {
  type: string;
  id: string;
  attributes: Record<string, unknown>;
  relationships?: Record<string, unknown>;
  links: { self: string };
}

/** The `account` resource of `GET /api/accounts`. */
export function accountResource(base: string, account: SimAccount, fields?: readonly string[]): Resource {
  const { id, ...attributes } = account;
  return {
    type: 'account',
    id,
    attributes: pickFields(attributes, fields),
    links: { self: resourceLink(base, 'accounts', id) },
  };
}

/** The `metric` resource; `flowTriggers` adds the (always empty) `flow-triggers` data when included. */
export function metricResource(base: string, metric: SimMetric, fields?: readonly string[], flowTriggers = false): Resource {
  const { id, ...attributes } = metric;
  return {
    type: 'metric',
    id,
    attributes: pickFields(attributes, fields),
    relationships: {
      'flow-triggers': {
        ...(flowTriggers ? { data: [] } : {}),
        links: relationshipLinks(base, 'metrics', id, 'flow-triggers'),
      },
    },
    links: { self: resourceLink(base, 'metrics', id) },
  };
}

/** The `event` resource of `GET /api/events`. */
export function eventResource(base: string, event: SimEvent, fields?: readonly string[]): Resource {
  const instant = event.datetime.getTime();
  const attributes = {
    timestamp: Math.floor(instant / 1000),
    event_properties: event.properties,
    datetime: formatKlaviyoDateTime(instant),
    uuid: event.uuid,
  };
  return {
    type: 'event',
    id: event.id,
    attributes: pickFields(attributes, fields),
    relationships: {
      profile: { data: { type: 'profile', id: event.profileId }, links: relationshipLinks(base, 'events', event.id, 'profile') },
      metric: { data: { type: 'metric', id: event.metricId }, links: relationshipLinks(base, 'events', event.id, 'metric') },
      attributions: { data: [], links: relationshipLinks(base, 'events', event.id, 'attributions') },
    },
    links: { self: resourceLink(base, 'events', event.id) },
  };
}

/** A minimal `profile` resource for `include=profile`: the store keeps names, email and creation. */
export function profileResource(base: string, profile: SimProfile, fields?: readonly string[]): Resource {
  const attributes = {
    email: profile.email,
    phone_number: null,
    external_id: null,
    first_name: profile.first_name,
    last_name: profile.last_name,
    organization: null,
    locale: null,
    title: null,
    image: null,
    created: profile.created,
    updated: profile.created,
    last_event_date: null,
    location: null,
    properties: {},
  };
  return {
    type: 'profile',
    id: profile.id,
    attributes: pickFields(attributes, fields),
    links: { self: resourceLink(base, 'profiles', profile.id) },
  };
}
