import { createRandomSource } from '../random/random-source.js';
import { weekdayOf } from '../time/civil-date.js';
import { occasionOn } from './occasions.js';
import type { SimChannel } from './types.js';

/** Who a campaign goes to: every email subscriber, the engaged or VIP segment, or SMS subscribers. */
export type CampaignAudience = 'newsletter' | 'engaged' | 'vip' | 'sms';

/** A campaign as the calendar plans it, before ids and timestamps are derived. */
export interface CampaignPlan {
  day: number;
  /** 0 newsletter email, 1 segment email, 2 SMS: at most one campaign per slot and day. */
  slot: 0 | 1 | 2;
  channel: SimChannel;
  audience: CampaignAudience;
  /** Local send time. */
  hour: number;
  minute: number;
  occasion: string | null;
  theme: string;
  subject: string;
}

/** Chance of a newsletter on an ordinary day, Sunday first: Tuesdays and Thursdays are campaign days. */
const NEWSLETTER_BY_WEEKDAY = [0.25, 0.1, 0.7, 0.15, 0.65, 0.15, 0.3] as const;
const FRIDAY = 5;
const WEDNESDAY = 3;
const SATURDAY = 6;

const THEMES = [
  ['New Arrivals', 'Just landed: new arrivals'],
  ['Best Sellers', 'Our best sellers are back in stock'],
  ['Weekend Edit', 'The weekend edit'],
  ['Customer Favorites', 'Customer favorites you will love'],
  ['Behind the Scenes', 'How we make our products'],
  ['Care Guide', 'Make it last: our care guide'],
  ['Free Shipping Weekend', 'Free shipping, this weekend only'],
  ['Restock Alert', 'Back in stock: the pieces you asked for'],
] as const;

/**
 * The campaigns planned for one local day: a pure function of (seed, day), so the calendar of any
 * period can be drawn without the rest. Occasions always get a newsletter (and an SMS when they
 * are big); ordinary days get one with a weekday-dependent chance.
 */
export function campaignPlansOn(seed: number, day: number): CampaignPlan[] {
  const random = createRandomSource(seed, 'campaign-plans', day);
  const weekday = weekdayOf(day);
  const occasion = occasionOn(day);
  const nextOccasion = occasionOn(day + 1);
  const [theme, subject] = THEMES[random.nextInt(THEMES.length)] ?? THEMES[0];
  const plans: CampaignPlan[] = [];
  const base = { day, occasion: occasion?.name ?? null, theme: occasion?.name ?? theme, subject: occasion?.subject ?? subject };

  if (occasion || random.next() < (NEWSLETTER_BY_WEEKDAY[weekday] ?? 0)) {
    plans.push({ ...base, slot: 0, channel: 'email', audience: 'newsletter', hour: weekday === 0 || weekday === SATURDAY ? 11 : 10, minute: 0 });
  }
  if (nextOccasion?.vipPreview) {
    plans.push({
      ...base,
      slot: 1,
      channel: 'email',
      audience: 'vip',
      hour: 18,
      minute: 0,
      occasion: nextOccasion.name,
      theme: `${nextOccasion.name} VIP Early Access`,
      subject: `VIP early access: ${nextOccasion.subject}`,
    });
  } else if (weekday === FRIDAY && random.next() < 0.35) {
    plans.push({ ...base, slot: 1, channel: 'email', audience: 'engaged', hour: 14, minute: 30, theme: `Engaged: ${base.theme}` });
  }
  if (occasion?.sms || ((weekday === WEDNESDAY || weekday === SATURDAY) && random.next() < 0.3)) {
    plans.push({ ...base, slot: 2, channel: 'sms', audience: 'sms', hour: 12, minute: 15, subject: `${base.subject}. Shop now` });
  }
  return plans;
}
