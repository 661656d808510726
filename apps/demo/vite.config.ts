import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  // Build the ui package from its sources, like the tests do.
  resolve: { conditions: ['@klens/source', ...defaultClientConditions] },
  build: { outDir: 'dist', emptyOutDir: true },
  logLevel: 'warn',
});
