import { defineConfig } from 'vitest/config';
import { sourceResolve } from '../../vitest.shared.js';

export default defineConfig({
  ...sourceResolve,
  test: {
    name: 'core',
    include: ['src/**/*.test.ts'],
    // PGlite takes seconds to start; database suites set up once per file.
    hookTimeout: 60_000,
    testTimeout: 60_000,
  },
});
