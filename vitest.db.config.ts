import path from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * Database tests (tests/db): the same queries on embedded PGlite and on a real PostgreSQL server, chosen by
 * tests/helpers/db-global-setup.ts. Files run one after another: they share the server and create databases on it.
 */
export default defineConfig({
  resolve: { alias: { '@': path.resolve(__dirname) } },
  test: {
    name: 'db',
    include: ['tests/db/**/*.test.ts'],
    globalSetup: ['tests/helpers/db-global-setup.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    passWithNoTests: false,
  },
});
