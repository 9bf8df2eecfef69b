import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit and in-DOM tests: the engine, CLI, reports, page helpers (happy-dom), background handlers (fakeBrowser).
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['src/**/*.test.ts', 'test/unit/**/*.test.ts', 'test/security/**/*.test.ts'],
    testTimeout: 30_000,
  },
});
