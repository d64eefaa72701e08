import { notFound } from 'next/navigation';
import { hasLocale } from 'next-intl';
import { setRequestLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import { routing } from '@/lib/i18n/routing';

// Embeds live outside /[locale] (no header, footer or proxy), sized for an iframe; any site may frame them
// (Content-Security-Policy frame-ancestors * in next.config.js).
export default async function EmbedLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  return (
    <html lang={locale === 'zh' ? 'zh-CN' : 'en'}>
      <body className="embed">
        <main style={{ padding: '0.5rem 0.75rem', maxWidth: '100%' }}>{children}</main>
      </body>
    </html>
  );
}
