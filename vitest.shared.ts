import { defaultClientConditions, defaultServerConditions, type UserConfig } from 'vite';

/**
 * Vite resolve settings shared by every vitest project: workspace packages resolve to their
 * TypeScript sources through the `@klens/source` export condition, so tests never need a build.
 */
export const sourceResolve = {
  resolve: { conditions: ['@klens/source', ...defaultClientConditions] },
  ssr: { resolve: { conditions: ['@klens/source', ...defaultServerConditions] } },
} satisfies UserConfig;

/**
 * How every browser test launches Chromium: Debian's package (never a downloaded browser), headless,
 * with the background networking that this machine's closed network refuses turned off.
 * `CHROMIUM_PATH` points elsewhere when Chromium lives somewhere else.
 */
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
