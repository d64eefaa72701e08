import createMiddleware from 'next-intl/middleware';
import { NextResponse, type NextRequest } from 'next/server';
import { dbAvailable } from './lib/db-health';
import { routing } from './lib/i18n/routing';
import { classifyPath } from './lib/missing-page';
import { notFoundHtml, unavailableHtml } from './lib/plain-pages';

// Locale negotiation, a real 503 while the database is down (lib/db-health.ts), and 404s with real HTML for
// addresses with nothing behind them (lib/missing-page.ts). No authorization here.
const intl = createMiddleware(routing);

export default async function proxy(request: NextRequest) {
  if (!(await dbAvailable())) {
    const segments = request.nextUrl.pathname.split('/');
    const first = segments[1] === 'embed' ? segments[2] : segments[1];
    const locale = first === 'en' || (first !== 'zh' && /^en\b/i.test(request.headers.get('accept-language') ?? '')) ? 'en' : 'zh';
    return new NextResponse(unavailableHtml(locale, request.nextUrl.pathname + request.nextUrl.search), {
      status: 503,
      headers: {
        'Content-Type': 'text/html; charset=utf-8',
        'Retry-After': '30',
        'Cache-Control': 'no-store',
      },
    });
  }
  const verdict = await classifyPath(request.nextUrl.pathname);
  if (verdict.missing) {
    return new NextResponse(notFoundHtml(verdict.locale), {
      status: 404,
      headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' },
    });
  }
  // Embeds have their locale in the path already and no prefix negotiation: only the 503 above applies to them.
  if (request.nextUrl.pathname.startsWith('/embed/')) return NextResponse.next();
  return intl(request);
}

export const config = {
  // Pages and embeds: everything except API routes (which answer 503 themselves), Next internals and files with an
  // extension (sitemap.xml, robots.txt, …).
  matcher: ['/((?!api|_next|_vercel|.*\\..*).*)'],
};
