import path from 'node:path';
import { defineConfig } from 'vitest/config';

// One project per test tier; add a tier by adding an entry (e.g. { extends: true, test: { name: 'db', … } }).
// The db and e2e tiers have their own configs (vitest.db.config.ts, vitest.e2e.config.ts): they need a global setup.
export default defineConfig({
  resolve: { alias: { '@': path.resolve(__dirname) } },
  test: {
    // PDF parsing and property runs take seconds on 2 busy cores; vitest's 5 s default made them flaky.
    testTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' },
      },
    ],
  },
});
