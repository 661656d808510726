import { defineConfig } from 'vitest/config';
import { sourceResolve } from '../../vitest.shared.js';

export default defineConfig({
  ...sourceResolve,
  test: { name: 'server', include: ['src/**/*.test.ts'], hookTimeout: 60_000, testTimeout: 60_000 },
});
