import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { defineProject } from 'vitest/config';
import { chromiumLaunchOptions } from '../../vitest.shared.js';

const dirname = path.dirname(fileURLToPath(import.meta.url));

// Runs every story (render + play function) as a test in headless Chromium (Debian's package, launched
// as vitest.shared.ts says).
export default defineProject({
  plugins: [storybookTest({ configDir: path.join(dirname, '.storybook') })],
  test: {
    name: 'storybook',
    setupFiles: [path.join(dirname, '.storybook/vitest.setup.ts')],
    browser: {
      enabled: true,
      headless: true,
      // Wide enough for the 1400px story plus Storybook's padding.
      viewport: { width: 1440, height: 900 },
      provider: playwright({
        launchOptions: chromiumLaunchOptions,
      }),
      instances: [{ browser: 'chromium' }],
    },
  },
});
