import { afterEach, beforeEach, vi, type MockInstance } from 'vitest';

// Storybook 10.3+ applies the preview annotations itself, and skips doing so if this file
// mentions the annotations setter by name: keep that name out of here, even in comments.
// What this file adds: React's console errors (NaN attributes, duplicate keys, invalid DOM
// nesting) fail the story that caused them instead of scrolling past in the log.
let consoleError: MockInstance<typeof console.error> | undefined;
let reported: unknown[][] = [];

beforeEach(() => {
  reported = [];
  const original = console.error.bind(console);
  consoleError = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    reported.push(args);
    original(...args);
  });
});

afterEach(() => {
  consoleError?.mockRestore();
  if (reported.length > 0) {
    const first = reported[0]?.map(String).join(' ') ?? '';
    throw new Error(`console.error was called ${reported.length} time(s) during the story; first: ${first}`);
  }
});
