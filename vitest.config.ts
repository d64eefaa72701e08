import path from 'node:path';
import { defineConfig } from 'vitest/config';

// One project per test tier; add a tier by adding an entry (e.g. { extends: true, test: { name: 'db', … } }).
export default defineConfig({
  resolve: { alias: { '@': path.resolve(__dirname) } },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' },
      },
    ],
  },
});
