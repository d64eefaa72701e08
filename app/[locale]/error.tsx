'use client';
/**
 * The error boundary of every page under a locale. A DbUnavailableError (lib/db-errors.ts) reaches it with its own
 * digest (production strips the message but keeps a digest the error already carries), so the reader gets
 * "service temporarily unavailable" instead of a generic failure; no message or stack is ever shown.
 */
import { useTranslations } from 'next-intl';
import { useEffect } from 'react';
import { isDbUnavailable } from '@/lib/db-errors';
import { Link } from '@/lib/i18n/navigation';

export default function LocaleError({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  const t = useTranslations('errors');
  const unavailable = isDbUnavailable(error);
  useEffect(() => {
    // The server logged the full error; the digest is what ties this page to that log line.
    if (!unavailable) console.warn('page error', error.digest ?? '');
  }, [error, unavailable]);
  const kind = unavailable ? 'unavailable' : 'failed';
  return (
    <section data-testid={`error-${kind}`} role="alert">
      <h1>{t(`${kind}.title`)}</h1>
      <p>{t(`${kind}.body`)}</p>
      {error.digest && !unavailable ? <p className="muted">{t('reference', { digest: error.digest })}</p> : null}
      <p>
        <button type="button" onClick={() => retry()}>
          {t('retry')}
        </button>{' '}
        <Link href="/">{t('links.home')}</Link>
      </p>
    </section>
  );
}
