import { getTranslations } from 'next-intl/server';
import type { SearchResults as Results } from '@/db/queries/search';
import { Link } from '@/lib/i18n/navigation';
import styles from './search.module.css';

const LEVELS = ['province', 'city', 'county', 'town'] as const;

/** The three groups; every string from the database is rendered as text (React escapes it). */
export async function SearchResults({ results }: { results: Results }) {
  const t = await getTranslations('search');
  const tl = await getTranslations('regions');
  const { agencies, regions, reports } = results;
  return (
    <>
      <section className={styles.group} data-testid="search-agencies" aria-labelledby="search-agencies-h">
        <h2 id="search-agencies-h">{t('agencies', { count: agencies.length })}</h2>
        {agencies.length === 0 ? (
          <p className="muted">{t('noAgencies')}</p>
        ) : (
          <ol className={styles.list}>
            {agencies.map((a) => (
              <li key={a.slug}>
                <Link href={`/agencies/${a.slug}`}>{a.name}</Link>
                <span className={styles.tag}>{t(`match.${a.match}`)}</span>
                <span className={styles.sub}>
                  {a.regionName ?? t('noRegion')} · {t('reports', { count: a.reports })}
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>
      <section className={styles.group} data-testid="search-regions" aria-labelledby="search-regions-h">
        <h2 id="search-regions-h">{t('regions', { count: regions.length })}</h2>
        {regions.length === 0 ? (
          <p className="muted">{t('noRegions')}</p>
        ) : (
          <ol className={styles.list}>
            {regions.map((r) => (
              <li key={r.code}>
                <Link href={`/regions/${r.code}`}>{r.name}</Link>
                <span className={styles.tag}>{t(`match.${r.match}`)}</span>
                <span className={styles.sub}>
                  {r.fullName} · {tl(`level.${LEVELS[r.level - 1] ?? 'town'}`)} · {t('reports', { count: r.reports })}
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>
      <section className={styles.group} data-testid="search-reports" aria-labelledby="search-reports-h">
        <h2 id="search-reports-h">{t('reportText', { count: reports.length })}</h2>
        {!results.textSearched ? (
          <p className="muted">{t('tooShort')}</p>
        ) : reports.length === 0 ? (
          <p className="muted">{t('noReports')}</p>
        ) : (
          <ol className={styles.list}>
            {reports.map((r) => (
              <li key={r.reportId}>
                <Link href={`/reports/${r.reportId}#L${r.line}`}>{t('reportTitle', { agency: r.agencyName, year: r.year })}</Link>
                <span className={styles.tag}>{t('line', { line: r.line })}</span>
                <span className={styles.snippet}>
                  …{r.before}
                  {r.match ? <mark>{r.match}</mark> : null}
                  {r.after}…
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}
