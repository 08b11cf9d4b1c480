import { defineConfig } from 'vitest/config';

// Browser tests: real Chromium through playwright-core against `vite preview` of the built app.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
