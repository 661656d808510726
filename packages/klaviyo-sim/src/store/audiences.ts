import { hashKey } from '../random/hash.js';
import { formatKlaviyoDateTime } from '../time/klaviyo-datetime.js';
import type { CampaignAudience } from './campaign-plans.js';
import { shortId } from './ids.js';
import type { ProfileTraits } from './profile-traits.js';
import type { SimList, SimSegment } from './types.js';

const MS_PER_DAY = 86_400_000;

/** What membership rules look at: a profile's traits, signup and email status at an instant. */
export interface MemberFacts {
  traits: ProfileTraits;
  created: number;
  /** Whether email marketing can reach the profile at the instant asked about. */
  emailable: boolean;
  at: number;
}

type Rule = (facts: MemberFacts) => boolean;

interface AudiencePlan {
  key: string;
  name: string;
  rule: Rule;
  starred?: boolean;
  active?: boolean;
}

const alive = (facts: MemberFacts) => facts.at - facts.created < facts.traits.lifetimeMs;

const LIST_PLANS: readonly AudiencePlan[] = [
  { key: 'newsletter', name: 'Newsletter', rule: (facts) => facts.traits.emailConsent },
  { key: 'sms', name: 'SMS Subscribers', rule: (facts) => facts.traits.smsConsent },
  { key: 'vip-list', name: 'VIP Early Access', rule: (facts) => facts.traits.vip && facts.traits.emailConsent },
];

const SEGMENT_PLANS: readonly AudiencePlan[] = [
  { key: 'engaged', name: 'Engaged Subscribers (90 days)', rule: (facts) => facts.emailable && alive(facts), starred: true },
  { key: 'vip', name: 'VIP Customers', rule: (facts) => facts.traits.vip, starred: true },
  { key: 'lapsed', name: 'Lapsed Customers', rule: (facts) => !alive(facts) },
  { key: 'apple-privacy', name: 'Apple Mail Privacy Openers', rule: (facts) => facts.traits.appleMail && facts.traits.emailConsent },
  { key: 'old-test', name: 'Test Segment (old)', rule: () => false, active: false },
];

/** The account's lists and segments, with the rule deciding who belongs to each. */
export interface Audiences {
  lists: SimList[];
  segments: SimSegment[];
  /** The list or segment a campaign audience sends to. */
  campaignAudienceIds: Record<CampaignAudience, string>;
  /** Membership rule by list or segment id; none once the list or segment is deleted. */
  ruleOf(id: string): Rule | undefined;
  /** Drops a deleted list's or segment's rule, so no profile belongs to it and it counts no members. */
  forgetRule(id: string): void;
}

/** Builds lists and segments, created before the window as for an established account. */
export function createAudiences(seed: number, createdBefore: number): Audiences {
  const rules = new Map<string, Rule>();
  const stamps = (key: string, offsetDays: number) => {
    const created = createdBefore - offsetDays * MS_PER_DAY - (hashKey(seed, 'audience-created', key) % 86_400) * 1000;
    const updated = created + (hashKey(seed, 'audience-updated', key) % 90) * MS_PER_DAY;
    return { created: formatKlaviyoDateTime(created), updated: formatKlaviyoDateTime(updated) };
  };
  const lists: SimList[] = LIST_PLANS.map((plan, index) => {
    const id = shortId(seed, 'list', plan.key);
    rules.set(id, plan.rule);
    return { id, name: plan.name, ...stamps(plan.key, 800 - index * 60), opt_in_process: index === 0 ? 'double_opt_in' : 'single_opt_in' };
  });
  const newsletterId = lists[0]?.id ?? '';
  const segments: SimSegment[] = SEGMENT_PLANS.map((plan, index) => {
    const id = shortId(seed, 'segment', plan.key);
    rules.set(id, plan.rule);
    return {
      id,
      name: plan.name,
      definition: { condition_groups: [{ conditions: [{ type: 'profile-group-membership', is_member: true, group_ids: [newsletterId], timeframe_filter: null }] }] },
      ...stamps(plan.key, 500 - index * 40),
      is_active: plan.active ?? true,
      is_processing: false,
      is_starred: plan.starred ?? false,
    };
  });
  const idOf = (key: string, from: readonly { id: string }[], plans: readonly AudiencePlan[]) => from[plans.findIndex((plan) => plan.key === key)]?.id ?? '';
  return {
    lists,
    segments,
    campaignAudienceIds: {
      newsletter: newsletterId,
      sms: idOf('sms', lists, LIST_PLANS),
      engaged: idOf('engaged', segments, SEGMENT_PLANS),
      vip: idOf('vip', segments, SEGMENT_PLANS),
    },
    ruleOf: (id) => rules.get(id),
    forgetRule: (id) => void rules.delete(id),
  };
}

/** Whether a profile is active (still shopping and really opening) at an instant. */
export function isAlive(traits: ProfileTraits, created: number, at: number): boolean {
  return at - created < traits.lifetimeMs;
}
