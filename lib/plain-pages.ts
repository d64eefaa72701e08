/**
 * Pages the proxy sends itself, before anything renders: the 503 while the database is down and the 404 for an
 * address with nothing behind it. Complete in themselves (no database, no React, no scripts), in the reader's
 * language, with the strings of the errors namespace. The proxy answers 404s because a page that calls
 * notFound() in a production build sends an empty body and leaves the not-found UI to client-side rendering
 * (vercel/next.js#62228): readers without JavaScript, and crawlers, would see a blank page.
 */
import en from '@/messages/en/errors.json';
import zh from '@/messages/zh/errors.json';

const MESSAGES = { zh, en } as const;

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

function page(locale: 'zh' | 'en', title: string, section: string): string {
  return `<!doctype html>
<html lang="${locale === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>body{font:16px/1.6 system-ui,"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#1a1a1a}a{color:#0b5394}input,button{font:inherit}</style>
</head>
<body>
<main>
${section}
</main>
</body>
</html>
`;
}

export function unavailableHtml(locale: 'zh' | 'en', path: string): string {
  const m = MESSAGES[locale];
  // "Try again" reloads the same address; anything that is not a plain local path goes home instead.
  const retry = path.startsWith('/') && !path.startsWith('//') ? path : `/${locale}`;
  return page(
    locale,
    m.unavailable.title,
    `<section data-testid="error-unavailable" role="alert">
<h1>${escapeHtml(m.unavailable.title)}</h1>
<p>${escapeHtml(m.unavailable.body)}</p>
<p><a href="${escapeHtml(retry)}">${escapeHtml(m.retry)}</a> · <a href="/${locale}">${escapeHtml(m.links.home)}</a></p>
</section>`,
  );
}

/** The same content as app/[locale]/not-found.tsx: where to go instead, and a search box. */
export function notFoundHtml(locale: 'zh' | 'en'): string {
  const m = MESSAGES[locale];
  return page(
    locale,
    m.notFound.title,
    `<section data-testid="not-found">
<h1>${escapeHtml(m.notFound.title)}</h1>
<p>${escapeHtml(m.notFound.body)}</p>
<ul>
<li><a href="/${locale}">${escapeHtml(m.links.home)}</a></li>
<li><a href="/${locale}/search">${escapeHtml(m.links.search)}</a></li>
<li><a href="/${locale}/regions">${escapeHtml(m.links.regions)}</a></li>
</ul>
<form action="/${locale}/search" method="get" role="search">
<label>${escapeHtml(m.notFound.searchLabel)} <input type="search" name="q"></label>
<button type="submit">${escapeHtml(m.notFound.searchButton)}</button>
</form>
</section>`,
  );
}
