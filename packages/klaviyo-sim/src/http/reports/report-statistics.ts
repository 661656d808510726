import type { MessageDayActivity, SimChannel } from '../../store/types.js';

/** The statistics every reporting endpoint accepts (the spec's enum). */
export const STATISTICS = [
  'average_order_value', 'bounce_rate', 'bounced', 'bounced_or_failed', 'bounced_or_failed_rate', 'click_rate',
  'click_to_open_rate', 'clicks', 'clicks_unique', 'conversion_rate', 'conversion_uniques', 'conversion_value',
  'conversions', 'delivered', 'delivery_rate', 'failed', 'failed_rate', 'message_segment_count_sum', 'open_rate',
  'opens', 'opens_unique', 'recipients', 'revenue_per_recipient', 'spam_complaint_rate', 'spam_complaints',
  'text_message_credit_usage_amount', 'text_message_roi', 'text_message_spend', 'unsubscribe_rate',
  'unsubscribe_uniques', 'unsubscribes',
] as const;
export type Statistic = (typeof STATISTICS)[number];

/** What one message did in a span of time: sums of its daily activity, plus distinct converters. */
export interface ActivityTotals {
  channel: SimChannel;
  received: number;
  bounced: number;
  opens: number;
  opensUnique: number;
  clicks: number;
  clicksUnique: number;
  unsubscribes: number;
  conversions: number;
  conversionValue: number;
  /** Distinct profiles among the attributed orders. */
  conversionUniques: number;
}

/** Price of one SMS credit in the account's currency; one message is one segment is one credit here. */
export const SMS_CREDIT_PRICE = 0.01;

/** Zero totals of a channel. */
export function emptyTotals(channel: SimChannel): ActivityTotals {
  return { channel, received: 0, bounced: 0, opens: 0, opensUnique: 0, clicks: 0, clicksUnique: 0, unsubscribes: 0, conversions: 0, conversionValue: 0, conversionUniques: 0 };
}

/**
 * Adds one day of a message's activity. Unique openers and clickers are distinct per day in the
 * store, so over several days their sum counts a profile once per day it opened.
 */
export function addActivity(totals: ActivityTotals, day: MessageDayActivity): void {
  totals.received += day.received;
  totals.bounced += day.bounced;
  totals.opens += day.opens;
  totals.opensUnique += day.opensUnique;
  totals.clicks += day.clicks;
  totals.clicksUnique += day.clicksUnique;
  totals.unsubscribes += day.unsubscribes;
  totals.conversions += day.conversions;
  totals.conversionValue += day.conversionValue;
}

const ratio = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1e6) / 1e6 : 0);
const cents = (value: number) => Math.round(value * 100) / 100;

/**
 * One statistic from a message's totals, with Klaviyo's definitions: recipients are the messages
 * sent (delivered plus bounced), rates are fractions of delivered messages (click-to-open of
 * unique opens), money is rounded to cents.
 *
 * @example statisticOf({ ...emptyTotals('email'), received: 90, bounced: 10 }, 'delivery_rate') // 0.9
 */
export function statisticOf(totals: ActivityTotals, statistic: Statistic): number {
  const recipients = totals.received + totals.bounced;
  const delivered = totals.received;
  const sms = totals.channel === 'sms';
  const spend = sms ? cents(delivered * SMS_CREDIT_PRICE) : 0;
  switch (statistic) {
    case 'recipients': return recipients;
    case 'delivered': return delivered;
    case 'delivery_rate': return ratio(delivered, recipients);
    case 'bounced':
    case 'bounced_or_failed': return totals.bounced;
    case 'bounce_rate':
    case 'bounced_or_failed_rate': return ratio(totals.bounced, recipients);
    case 'failed':
    case 'spam_complaints': return 0;
    case 'failed_rate':
    case 'spam_complaint_rate': return 0;
    case 'opens': return totals.opens;
    case 'opens_unique': return totals.opensUnique;
    case 'open_rate': return ratio(totals.opensUnique, delivered);
    case 'clicks': return totals.clicks;
    case 'clicks_unique': return totals.clicksUnique;
    case 'click_rate': return ratio(totals.clicksUnique, delivered);
    case 'click_to_open_rate': return ratio(totals.clicksUnique, totals.opensUnique);
    case 'conversions': return totals.conversions;
    case 'conversion_uniques': return totals.conversionUniques;
    case 'conversion_value': return cents(totals.conversionValue);
    case 'conversion_rate': return ratio(totals.conversionUniques, delivered);
    case 'average_order_value': return totals.conversions > 0 ? cents(totals.conversionValue / totals.conversions) : 0;
    case 'revenue_per_recipient': return delivered > 0 ? cents(totals.conversionValue / delivered) : 0;
    case 'unsubscribes':
    case 'unsubscribe_uniques': return totals.unsubscribes;
    case 'unsubscribe_rate': return ratio(totals.unsubscribes, delivered);
    case 'message_segment_count_sum':
    case 'text_message_credit_usage_amount': return sms ? delivered : 0;
    case 'text_message_spend': return spend;
    case 'text_message_roi': return spend > 0 ? ratio(totals.conversionValue - spend, spend) : 0;
  }
}
