import createMiddleware from 'next-intl/middleware';
import { routing } from './lib/i18n/routing';

// Locale negotiation only: redirects / to /zh (or /en) and keeps the prefix. No authorization here.
export default createMiddleware(routing);

export const config = {
  // Everything except API routes, embeds, Next internals and files with an extension (sitemap.xml, robots.txt, …).
  matcher: ['/((?!api|embed|_next|_vercel|.*\\..*).*)'],
};
