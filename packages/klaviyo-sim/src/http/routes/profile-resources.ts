import type { SimProfile } from '../../store/types.js';
import { relationshipLinks, resourceLink } from '../links.js';
import type { Resource } from '../resources.js';
import { pickFields } from '../sparse-fieldsets.js';

/** Top-level attributes of `profile` (opt-in ones included), for `fields[profile]`. */
export const PROFILE_ATTRIBUTES = [
  'created', 'email', 'external_id', 'first_name', 'image', 'last_event_date', 'last_name', 'locale', 'location', 'organization',
  'phone_number', 'predictive_analytics', 'properties', 'subscriptions', 'title', 'updated',
] as const;

/** Opt-in attributes, served only when `additional-fields[profile]` names them. */
export type ProfileExtra = 'subscriptions' | 'predictive_analytics';

function subscriptionsOf(profile: SimProfile): Record<string, unknown> {
  const { email, sms } = profile.subscriptions;
  const smsMarketing = {
    can_receive_sms_marketing: sms.canReceive,
    consent: sms.consent,
    consent_timestamp: sms.consentTimestamp,
    method: sms.consent === 'SUBSCRIBED' ? 'TEXT' : null,
    method_detail: sms.consent === 'SUBSCRIBED' ? 'JOIN' : null,
    last_updated: sms.consentTimestamp,
  };
  return {
    email: {
      marketing: {
        can_receive_email_marketing: email.canReceive,
        consent: email.consent,
        consent_timestamp: email.consentTimestamp,
        last_updated: email.suppression?.timestamp ?? email.consentTimestamp,
        method: email.consent === 'NEVER_SUBSCRIBED' ? null : 'FORM',
        method_detail: email.consent === 'NEVER_SUBSCRIBED' ? null : String(profile.properties['Signup Source'] ?? ''),
        custom_method_detail: null,
        double_optin: null,
        suppression: email.suppression ? [email.suppression] : [],
        list_suppressions: [],
      },
    },
    sms: {
      marketing: smsMarketing,
      transactional: { ...smsMarketing, can_receive_sms_transactional: sms.canReceive, can_receive_sms_marketing: undefined },
    },
  };
}

function predictiveOf(profile: SimProfile): Record<string, unknown> {
  const p = profile.predictive;
  return {
    historic_clv: null,
    predicted_clv: p.predicted_clv,
    total_clv: null,
    historic_number_of_orders: null,
    predicted_number_of_orders: p.predicted_number_of_orders,
    average_days_between_orders: null,
    average_order_value: p.average_order_value,
    churn_probability: p.churn_probability,
    expected_date_of_next_order: null,
    ranked_channel_affinity: p.ranked_channel_affinity,
  };
}

/** The `profile` resource; `extras` adds the opt-in attributes. */
export function simProfileResource(base: string, profile: SimProfile, fields?: readonly string[], extras: readonly ProfileExtra[] = []): Resource {
  const attributes: Record<string, unknown> = {
    email: profile.email,
    phone_number: profile.phone_number,
    external_id: null,
    first_name: profile.first_name,
    last_name: profile.last_name,
    organization: null,
    locale: 'en-US',
    title: null,
    image: null,
    created: profile.created,
    updated: profile.updated,
    last_event_date: null,
    location: { address1: null, address2: null, city: profile.location.city, country: profile.location.country, region: profile.location.region, zip: null, timezone: profile.location.timezone, ip: null },
    properties: profile.properties,
  };
  if (extras.includes('subscriptions')) attributes.subscriptions = JSON.parse(JSON.stringify(subscriptionsOf(profile)));
  if (extras.includes('predictive_analytics')) attributes.predictive_analytics = predictiveOf(profile);
  return {
    type: 'profile',
    id: profile.id,
    attributes: pickFields(attributes, fields),
    relationships: {
      lists: { links: relationshipLinks(base, 'profiles', profile.id, 'lists') },
      segments: { links: relationshipLinks(base, 'profiles', profile.id, 'segments') },
      'push-tokens': { links: relationshipLinks(base, 'profiles', profile.id, 'push-tokens') },
      conversations: { links: relationshipLinks(base, 'profiles', profile.id, 'conversations') },
    },
    links: { self: resourceLink(base, 'profiles', profile.id) },
  };
}
