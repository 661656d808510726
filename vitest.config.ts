import { defineConfig } from 'vitest/config';

// Each package and app keeps its own vitest.config.ts; this file only lists them so that one
// `vitest run` at the root runs every suite.
export default defineConfig({
  test: {
    projects: ['packages/*/vitest.config.ts', 'apps/*/vitest.config.ts'],
  },
});
