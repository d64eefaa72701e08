import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { generateRegionMetadata, RegionJsonLd } from '@/app/_seo/region';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { getRegionRankPosition } from '@/db/queries/rankings';
import { getRegion, listChildRegions, listRegionAgencies, listRegionYears } from '@/db/queries/regions';
import { ChildRegionsTable } from '@/components/region/child-regions-table';
import { RegionRankFacts } from '@/components/region/region-rank-facts';
import { RegionYearsTable } from '@/components/region/region-years-table';
import styles from '@/components/region/region.module.css';
import { withDb } from '@/lib/db-errors';
import { Link } from '@/lib/i18n/navigation';
import { childLevel, DEFAULT_MIN, levelOfCode, regionCodeSchema, type RankingMetric } from '@/lib/ranking-params';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ locale: string; code: string }> };

const HEADLINE: RankingMetric[] = ['disclosure', 'received'];

async function load(code: string) {
  if (!regionCodeSchema.safeParse(code).success) return null;
  return withDb(() => getRegion(code));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, code } = await params;
  const region = await load(code);
  const t = await getTranslations({ locale, namespace: 'regions' });
  if (!region) return { title: t('notFoundTitle') };
  return generateRegionMetadata({ params: Promise.resolve({ locale, code: region.code }) });
}

export default async function RegionPage({ params }: Props) {
  const { locale, code } = await params;
  setRequestLocale(locale);
  const region = await load(code);
  if (!region) notFound();
  const t = await getTranslations('regions');
  const level = levelOfCode(region.code);
  const below = childLevel(region.code);
  const [years, children, agencies] = await withDb(() =>
    Promise.all([
      listRegionYears(region.code),
      below ? listChildRegions(region.code) : Promise.resolve([]),
      listRegionAgencies(region.code),
    ]),
  );
  const latest = years[0]?.year ?? null;
  const positions =
    latest === null
      ? []
      : await withDb(() =>
          Promise.all(
            HEADLINE.map(async (metric) => ({
              metric,
              row: await getRegionRankPosition(region.code, region.parentCode, metric, latest, DEFAULT_MIN),
            })),
          ),
        );
  const parentName = region.path.length > 1 ? (region.path[region.path.length - 2]?.name ?? null) : null;

  return (
    <>
      <RegionJsonLd locale={locale} code={code} />
      <nav className="breadcrumbs" aria-label={t('breadcrumbs')}>
        <ol>
          <li>
            <Link href="/regions">{t('title')}</Link>
          </li>
          {region.path.map((p) => (
            <li key={p.code}>
              {p.code === region.code ? (
                <span aria-current="page">{p.name}</span>
              ) : (
                <Link href={`/regions/${p.code}`}>{p.name}</Link>
              )}
            </li>
          ))}
        </ol>
      </nav>
      <h1>{region.fullName}</h1>
      <p className="muted">
        {t(`level.${level ?? 'province'}`)} · {t('codeLabel', { code: region.code })}
      </p>

      {years.length === 0 ? (
        <p className={styles.empty} data-testid="region-no-data">
          {t('noData')}
        </p>
      ) : (
        <>
          <h2>{t('rankHeading', { year: latest ?? '' })}</h2>
          <RegionRankFacts
            positions={positions}
            level={level ?? 'province'}
            parentCode={region.parentCode}
            parentName={parentName}
            year={latest ?? 0}
            locale={locale}
          />
          <h2>{t('yearsHeading')}</h2>
          <p className="muted">{t('yearsIntro')}</p>
          <RegionYearsTable years={years} locale={locale} name={region.name} />
        </>
      )}

      <h2>{t('agenciesHeading')}</h2>
      {agencies.length === 0 ? (
        <p className="muted">{t('noAgencies')}</p>
      ) : (
        <ul className={styles.agencyList} data-testid="region-agencies">
          {agencies.map((a) => (
            <li key={a.slug}>
              <Link href={`/agencies/${a.slug}`}>{a.name}</Link>{' '}
              <span className="muted">{t('agencyReports', { count: a.reports })}</span>
            </li>
          ))}
        </ul>
      )}

      {below ? (
        <>
          <h2>{t(`childrenHeading.${below}`)}</h2>
          {children.length === 0 ? (
            <p className="muted">{t('noChildren')}</p>
          ) : (
            <ChildRegionsTable
              items={children}
              locale={locale}
              caption={t('childrenCaption', { name: region.name, count: children.length })}
            />
          )}
        </>
      ) : null}
    </>
  );
}
