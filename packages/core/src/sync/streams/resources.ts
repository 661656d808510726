import type { ResourceStreamName, StreamReport } from '../types.js';
import { syncLists, syncProfiles, syncSegments } from './audiences.js';
import { CAMPAIGN_CHANNELS, sweepDeletedCampaigns, syncCampaigns } from './campaigns.js';
import { syncFlows } from './flows.js';
import type { StreamContext } from './resource-loader.js';

/** Syncs one resource (campaigns: every channel) and reports each of its streams. */
export async function syncResource(context: StreamContext, resource: ResourceStreamName): Promise<StreamReport[]> {
  switch (resource) {
    case 'profiles':
      return [await syncProfiles(context)];
    case 'lists':
      return syncLists(context);
    case 'segments':
      return syncSegments(context);
    case 'campaigns': {
      const reports: StreamReport[] = [];
      for (const channel of CAMPAIGN_CHANNELS) for (const archived of [false, true]) reports.push(...(await syncCampaigns(context, channel, archived)));
      reports.push(await sweepDeletedCampaigns(context));
      return reports;
    }
    case 'flows':
      return syncFlows(context);
  }
}
