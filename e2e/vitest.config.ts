import { defineConfig } from 'vitest/config';
import { sourceResolve } from '../vitest.shared.js';

// End-to-end: runs what `pnpm build` produced (the demo, the CLI) as a user would, in real
// processes, and drives the demo in Chromium.
export default defineConfig({
  ...sourceResolve,
  test: { name: 'e2e', include: ['*.test.ts'], hookTimeout: 180_000, testTimeout: 120_000 },
});
