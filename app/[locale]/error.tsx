'use client';
/**
 * The error boundary of every page under a locale. A DbUnavailableError (lib/db-errors.ts) reaches it with its own
 * digest (production strips the message but keeps a digest the error already carries), so the reader gets
 * "service temporarily unavailable" instead of a generic failure; no message or stack is ever shown.
 *
 * An error boundary gets no props from the server, and its imports ship on every page: it reads its strings from
 * the errors namespace files directly (two small JSON files) rather than bringing next-intl's client runtime.
 */
import Link from 'next/link';
import { useParams } from 'next/navigation';
import { useEffect } from 'react';
import { isDbUnavailable } from '@/lib/db-errors';
import en from '@/messages/en/errors.json';
import zh from '@/messages/zh/errors.json';

const MESSAGES = { zh, en };

export default function LocaleError({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  const params = useParams<{ locale?: string }>();
  const locale = params?.locale === 'en' ? 'en' : 'zh';
  const m = MESSAGES[locale];
  const unavailable = isDbUnavailable(error);
  useEffect(() => {
    // The server logged the full error; the digest is what ties this page to that log line.
    if (!unavailable) console.warn('page error', error.digest ?? '');
  }, [error, unavailable]);
  const kind = unavailable ? 'unavailable' : 'failed';
  return (
    <section data-testid={`error-${kind}`} role="alert">
      <h1>{m[kind].title}</h1>
      <p>{m[kind].body}</p>
      {error.digest && !unavailable ? <p className="muted">{m.reference.replace('{digest}', error.digest)}</p> : null}
      <p>
        <button type="button" onClick={() => retry()}>
          {m.retry}
        </button>{' '}
        <Link href={`/${locale}`}>{m.links.home}</Link>
      </p>
    </section>
  );
}
