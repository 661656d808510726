import { defineConfig } from 'vitest/config';

// Each package and app keeps its own vitest.config.ts, and e2e/ tests the built artifacts; this
// file only lists them so that one `vitest run` at the root runs every suite.
export default defineConfig({
  test: {
    projects: ['packages/*/vitest.config.ts', 'apps/*/vitest.config.ts', 'e2e/vitest.config.ts'],
  },
});
