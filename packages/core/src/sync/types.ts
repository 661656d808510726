import type { KlensDatabase } from '../database/database.js';
import type { KlaviyoClient } from '../klaviyo/client.js';
import type { Logger } from '../logging/logger.js';
import type { Clock } from '../time/clock.js';

/** Resources {@link SyncOptions.resources} can add to a sync. */
export const RESOURCE_STREAMS = ['profiles', 'lists', 'segments', 'campaigns', 'flows'] as const;
export type ResourceStreamName = (typeof RESOURCE_STREAMS)[number];

export interface SyncOptions {
  database: KlensDatabase;
  klaviyo: KlaviyoClient;
  /** Names of the metrics whose events are synced. Default `['Placed Order']`. */
  metrics?: readonly string[];
  /** How far back the first sync of a metric reaches. Default 400 days (13 months and a margin). */
  backfillDays?: number;
  /** Exact start of the first sync; overrides `backfillDays`. */
  backfillFrom?: Date;
  /**
   * Each later sync re-reads this much before where the last one stopped, to catch events that
   * reach Klaviyo late. Re-read events are recognised and not added twice. Default 24 hours.
   */
  lookbackHours?: number;
  /** Events per page, 1–1000. Default 1000 (the most the events endpoint allows). */
  pageSize?: number;
  /**
   * The first sync of a metric splits its backfill window into this many time slices, read in
   * parallel, each resumable on its own. Default 4.
   */
  backfillSlices?: number;
  /**
   * Resources synced besides the account, metrics and events. Default none; {@link RESOURCE_STREAMS}
   * lists them all.
   */
  resources?: readonly ResourceStreamName[];
  clock?: Clock;
  logger?: Logger;
  /** Stops the sync between pages; everything loaded so far stays and the next sync resumes. */
  signal?: AbortSignal;
  /** Called after every page with the running totals of the stream. */
  onProgress?: (progress: SyncProgress) => void;
}

export interface SyncProgress {
  stream: string;
  pages: number;
  received: number;
  added: number;
  quarantined: number;
  /**
   * Stored records this stream found deleted in Klaviyo (campaigns, flows and their parts; see
   * `deleted_at`). Absent on streams that do not look for deletions.
   */
  deleted?: number;
  /** Everything before this instant is loaded (events streams). */
  watermark: Date | null;
}

/** What one stream did in a sync: the final state of its progress. */
export type StreamReport = SyncProgress;

export interface SyncReport {
  accountId: string;
  startedAt: Date;
  finishedAt: Date;
  streams: StreamReport[];
  /** New events stored by this sync (re-read events are not counted). */
  eventsAdded: number;
  /** Records set aside because they failed validation. */
  quarantined: number;
  /** Requested metric names that the account does not have. */
  missingMetrics: string[];
}
