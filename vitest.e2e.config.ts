import { defineConfig } from 'vitest/config';

// Built-extension tests in real Chromium. `npm run build:e2e` must have run first (npm test does).
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
