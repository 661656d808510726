import { formatKlaviyoDateTime } from '../time/klaviyo-datetime.js';
import { isAlive } from './audiences.js';
import type { ProfileCore } from './profiles.js';
import type { SimProfile, SimSubscriptions } from './types.js';

const FIRST_NAMES = ['Ava', 'Noah', 'Mia', 'Liam', 'Zoe', 'Ethan', 'Maya', 'Lucas', 'Nora', 'Owen', 'Iris', 'Leo', 'Ruby', 'Caleb', 'Hazel', 'Miles'];
const LAST_NAMES = ['Nguyen', 'Garcia', 'Smith', 'Okafor', 'Kowalski', 'Haddad', 'Johansson', 'Patel', 'Rossi', 'Kim', 'Dubois', 'Moreno', 'Schmidt', 'Tanaka', 'Murphy', 'Silva'];
const PLACES = [
  { city: 'Brooklyn', region: 'New York', timezone: 'America/New_York' },
  { city: 'Boston', region: 'Massachusetts', timezone: 'America/New_York' },
  { city: 'Chicago', region: 'Illinois', timezone: 'America/Chicago' },
  { city: 'Austin', region: 'Texas', timezone: 'America/Chicago' },
  { city: 'Denver', region: 'Colorado', timezone: 'America/Denver' },
  { city: 'Seattle', region: 'Washington', timezone: 'America/Los_Angeles' },
  { city: 'Los Angeles', region: 'California', timezone: 'America/Los_Angeles' },
  { city: 'Atlanta', region: 'Georgia', timezone: 'America/New_York' },
] as const;
const SOURCES = ['Signup Popup', 'Checkout', 'Footer Form', 'Quiz'] as const;

const pick = <T>(items: readonly T[], seed: number): T => items[seed % items.length] as T;

function subscriptionsOf(profile: ProfileCore, now: number): SimSubscriptions {
  const { traits, created } = profile;
  const suppressed = profile.emailEndsAt <= now;
  return {
    email: {
      consent: !traits.emailConsent ? 'NEVER_SUBSCRIBED' : suppressed && !traits.badEmail ? 'UNSUBSCRIBED' : 'SUBSCRIBED',
      canReceive: traits.emailConsent && !suppressed,
      consentTimestamp: traits.emailConsent ? formatKlaviyoDateTime(created) : null,
      suppression: suppressed ? { reason: traits.badEmail ? 'HARD_BOUNCE' : 'UNSUBSCRIBE', timestamp: formatKlaviyoDateTime(profile.emailEndsAt) } : null,
      appleMailPrivacy: traits.appleMail,
    },
    sms: {
      consent: traits.smsConsent ? 'SUBSCRIBED' : 'NEVER_SUBSCRIBED',
      canReceive: traits.smsConsent,
      consentTimestamp: traits.smsConsent ? formatKlaviyoDateTime(created) : null,
    },
  };
}

/**
 * The profile as the API serves it at `now`: identity, location, consent and predictions, all
 * derived from its number, traits and `now` (which decides whether an unsubscribe has happened).
 */
export function describeProfile(profile: ProfileCore, id: string, now: number): SimProfile {
  const { traits, created, index } = profile;
  const first = pick(FIRST_NAMES, traits.nameSeed);
  const last = pick(LAST_NAMES, traits.nameSeed >>> 4);
  const place = pick(PLACES, traits.nameSeed >>> 8);
  const subscriptions = subscriptionsOf(profile, now);
  const alive = isAlive(traits, created, now);
  const expectedOrders = traits.engagement * (traits.vip ? 3 : 1) * (alive ? 1.2 : 0.1);
  const orderValue = Math.round((62 + (traits.nameSeed % 37)) * 100) / 100;
  return {
    id,
    index,
    email: `${first}.${last}.${index}@example.com`.toLowerCase(),
    phone_number: traits.smsConsent ? `+1${201 + (traits.nameSeed % 700)}555${String(index % 10_000).padStart(4, '0')}` : null,
    first_name: first,
    last_name: last,
    created: formatKlaviyoDateTime(created),
    updated: formatKlaviyoDateTime(profile.emailEndsAt <= now ? Math.max(created, profile.emailEndsAt) : created),
    location: { city: place.city, region: place.region, country: 'United States', timezone: place.timezone },
    properties: { 'Signup Source': pick(SOURCES, traits.nameSeed >>> 12) },
    subscriptions,
    predictive: {
      predicted_clv: Math.round(expectedOrders * orderValue * 100) / 100,
      predicted_number_of_orders: Math.round(expectedOrders * 10) / 10,
      average_order_value: orderValue,
      churn_probability: Math.round((alive ? 0.15 + 0.3 * (1 - traits.engagement / 1.7) : 0.9) * 100) / 100,
      ranked_channel_affinity: traits.smsConsent && traits.engagement < 0.8 ? ['sms', 'email'] : traits.smsConsent ? ['email', 'sms'] : ['email'],
    },
  };
}
