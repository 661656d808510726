import { klaviyoFilter } from '../../klaviyo/filter.js';
import { campaignMessageRow, campaignRow } from '../transform/resource-rows.js';
import type { StreamReport } from '../types.js';
import { updatedSince } from './audiences.js';
import { markChildrenDeleted, markDeleted, noIds, noteIds, sweepDeleted } from './deletions.js';
import { emptyReport, loadPage, loadPages, type StreamContext } from './resource-loader.js';

/** The channels Klaviyo lists campaigns by; the listing requires exactly one of them. */
export const CAMPAIGN_CHANNELS = ['email', 'sms', 'mobile_push'] as const;
export type CampaignChannel = (typeof CAMPAIGN_CHANNELS)[number];

/**
 * Campaigns of one channel changed since the last sync, and the messages of each. Klaviyo leaves
 * archived campaigns out of a listing unless the filter asks for them, so archived and current
 * campaigns are two listings with two watermarks. The messages of a page's campaigns are stored
 * before the watermark passes them, so an interrupted sync re-reads a campaign whose messages it
 * had not stored yet.
 */
export async function syncCampaigns(context: StreamContext, channel: CampaignChannel, archived: boolean): Promise<StreamReport[]> {
  const stream = `campaigns:${channel}${archived ? ':archived' : ''}`;
  const { since, previous } = await updatedSince(context, stream);
  const signal = context.signal ? { signal: context.signal } : {};
  const filter = klaviyoFilter.and(
    klaviyoFilter.equals('messages.channel', channel),
    klaviyoFilter.equals('archived', archived),
    ...(since ? [klaviyoFilter.greaterOrEqual('updated_at', since)] : []),
  );
  const pages = () => context.klaviyo.list('/api/campaigns', { query: { filter, sort: 'updated_at', 'page[size]': 100 }, ...signal });
  const messages = emptyReport(`campaign-messages:${channel}${archived ? ':archived' : ''}`);
  const campaigns = await loadPages(
    context,
    { stream, table: 'campaigns', toRow: campaignRow(channel), cursor: (row) => (row.updated_at instanceof Date ? row.updated_at : null) },
    pages,
    async (rows) => {
      for (const campaign of rows) {
        // The whole list of the campaign's messages: those it lacks were deleted.
        const response = await context.klaviyo.read('/api/campaigns/{id}/campaign-messages', { path: { id: campaign.id }, ...signal });
        await loadPage(context, { stream: messages.stream, table: 'campaign_messages', toRow: campaignMessageRow(campaign.id) }, response, messages);
        const listed = noIds();
        noteIds(listed, response);
        await markDeleted(context, { table: 'campaign_messages', parent: { column: 'campaign_id', id: campaign.id } }, listed, messages);
      }
    },
    emptyReport(stream, previous),
  );
  return [campaigns, messages];
}

/**
 * Lists every campaign of every channel, archived or not (`campaigns:ids`, six listings of 100 a
 * page), and marks the stored campaigns it lacks deleted, with their messages: Klaviyo's
 * incremental listings never show a deletion.
 */
export async function sweepDeletedCampaigns(context: StreamContext): Promise<StreamReport> {
  const signal = context.signal ? { signal: context.signal } : {};
  const listing = (channel: CampaignChannel, archived: boolean) => () =>
    context.klaviyo.list('/api/campaigns', {
      // Whole campaigns: the spec requires nearly every attribute on each, sparse fieldsets or not.
      query: { filter: klaviyoFilter.and(klaviyoFilter.equals('messages.channel', channel), klaviyoFilter.equals('archived', archived)), 'page[size]': 100 },
      ...signal,
    });
  const listings = CAMPAIGN_CHANNELS.flatMap((channel) => [listing(channel, false), listing(channel, true)]);
  const { report, gone } = await sweepDeleted(context, 'campaigns', listings);
  await markChildrenDeleted(context, 'campaign_messages', 'campaign_id', gone);
  return report;
}
