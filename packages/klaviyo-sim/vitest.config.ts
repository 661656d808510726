import { defineConfig } from 'vitest/config';
import { sourceResolve } from '../../vitest.shared.js';

export default defineConfig({
  ...sourceResolve,
  test: { name: 'klaviyo-sim', include: ['src/**/*.test.ts'] },
});
