import { defineConfig } from 'vitest/config';
import { sourceResolve } from '../../vitest.shared.js';

export default defineConfig({
  ...sourceResolve,
  test: {
    name: 'ui',
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    // Hooks render in jsdom; pure helpers opt into node with a `@vitest-environment node` comment.
    environment: 'jsdom',
    // A real Klens API (simulator → PGlite → Hono) for the hooks to call over HTTP.
    globalSetup: ['src/test-support/api-server.ts'],
    hookTimeout: 60_000,
    testTimeout: 60_000,
  },
});
