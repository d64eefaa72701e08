import path from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * Browser tests (tests/e2e) in real Chromium against `next start`. Files run one after another against one
 * server and one shared browser (see tests/e2e/setup.ts and tests/helpers/e2e.ts).
 */
export default defineConfig({
  resolve: { alias: { '@': path.resolve(__dirname) } },
  test: {
    name: 'e2e',
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/e2e/setup.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 300_000,
    teardownTimeout: 60_000,
    passWithNoTests: false,
  },
});
