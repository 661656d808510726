import type { SyncProgress } from '@klens/core';

/**
 * Prints sync progress to a stream, at most once per `intervalMs` per stream, so that a long
 * backfill shows it is alive without flooding the terminal.
 */
export function progressPrinter(write: (line: string) => void, now: () => number = Date.now, intervalMs = 1000) {
  const lastPrinted = new Map<string, number>();
  return (progress: SyncProgress) => {
    const at = now();
    if (at - (lastPrinted.get(progress.stream) ?? -Infinity) < intervalMs) return;
    lastPrinted.set(progress.stream, at);
    write(describeProgress(progress));
  };
}

export function describeProgress(progress: SyncProgress): string {
  const through = progress.watermark ? `, through ${progress.watermark.toISOString()}` : '';
  const quarantined = progress.quarantined ? `, ${progress.quarantined} quarantined` : '';
  const deleted = progress.deleted ? `, ${progress.deleted} deleted in Klaviyo` : '';
  return `${progress.stream}: ${progress.pages} pages, ${progress.received} records (${progress.added} new${quarantined}${deleted})${through}`;
}
