/**
 * The page the proxy sends with a 503 while the database is down: complete in itself (no database, no React, no
 * scripts), in the reader's language, with the strings of the errors namespace.
 */
import en from '@/messages/en/errors.json';
import zh from '@/messages/zh/errors.json';

const MESSAGES = { zh, en } as const;

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

export function unavailableHtml(locale: 'zh' | 'en', path: string): string {
  const m = MESSAGES[locale];
  // "Try again" reloads the same address; anything that is not a plain local path goes home instead.
  const retry = path.startsWith('/') && !path.startsWith('//') ? path : `/${locale}`;
  const title = escapeHtml(m.unavailable.title);
  return `<!doctype html>
<html lang="${locale === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title}</title>
<style>body{font:16px/1.6 system-ui,"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#1a1a1a}a{color:#0b5394}</style>
</head>
<body>
<main>
<section data-testid="error-unavailable" role="alert">
<h1>${title}</h1>
<p>${escapeHtml(m.unavailable.body)}</p>
<p><a href="${escapeHtml(retry)}">${escapeHtml(m.retry)}</a> · <a href="/${locale}">${escapeHtml(m.links.home)}</a></p>
</section>
</main>
</body>
</html>
`;
}
