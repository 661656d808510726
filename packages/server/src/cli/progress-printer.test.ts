import { describe, expect, it } from 'vitest';
import { describeProgress, progressPrinter } from './progress-printer.js';

const progress = { stream: 'flows', pages: 3, received: 120, added: 4, quarantined: 0, watermark: null };

describe('sync progress lines', () => {
  it('says what a stream read, added, set aside and found deleted', () => {
    expect(describeProgress(progress)).toBe('flows: 3 pages, 120 records (4 new)');
    expect(describeProgress({ ...progress, quarantined: 2, deleted: 1, watermark: new Date('2026-08-01T00:00:00Z') })).toBe(
      'flows: 3 pages, 120 records (4 new, 2 quarantined, 1 deleted in Klaviyo), through 2026-08-01T00:00:00.000Z',
    );
  });

  it('prints a stream at most once per interval', () => {
    const lines: string[] = [];
    let now = 0;
    const print = progressPrinter((line) => lines.push(line), () => now, 1000);
    print(progress);
    now = 500;
    print({ ...progress, pages: 4 });
    print({ ...progress, stream: 'lists' });
    now = 1000;
    print({ ...progress, pages: 5 });
    expect(lines).toEqual(['flows: 3 pages, 120 records (4 new)', 'lists: 3 pages, 120 records (4 new)', 'flows: 5 pages, 120 records (4 new)']);
  });
});
