import { defineConfig } from 'vitest/config';

// End-to-end tests: real Chromium (/usr/bin/chromium) + the fixture sites.
// Run: npx vitest run --config vitest.e2e.config.ts
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 90_000,
    fileParallelism: false,
    maxWorkers: 1,
    reporters: ['verbose'],
  },
});
