import type { StorybookConfig } from '@storybook/react-vite';
import { defaultClientConditions } from 'vite';

const config: StorybookConfig = {
  framework: '@storybook/react-vite',
  stories: ['../src/**/*.stories.tsx'],
  addons: ['@storybook/addon-vitest'],
  core: { disableTelemetry: true },
  viteFinal(viteConfig) {
    // Workspace packages resolve to their TypeScript sources, so stories never need a build.
    viteConfig.resolve = { ...viteConfig.resolve, conditions: ['@klens/source', ...defaultClientConditions] };
    // Pre-bundle the ui's runtime dependencies up front: one discovered mid-run makes Vite reload the
    // page under the story tests, which then fail.
    viteConfig.optimizeDeps = {
      ...viteConfig.optimizeDeps,
      include: [...(viteConfig.optimizeDeps?.include ?? []), '@tanstack/react-query', '@trpc/client', '@trpc/react-query'],
    };
    return viteConfig;
  },
};

export default config;
