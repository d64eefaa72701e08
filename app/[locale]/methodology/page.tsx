import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { sectionMetadata, SectionJsonLd } from '@/app/_seo/section';
import { Link } from '@/lib/i18n/navigation';
import { DEFAULT_MIN } from '@/lib/ranking-params';

// Static text: no database read, so the page can be prerendered per locale.

type Props = { params: Promise<{ locale: string }> };

/** Each ranking metric (ranking.metric.* names) with the lib/metrics.ts function that computes it. */
const METRICS = [
  ['received', 'requestsReceived'],
  ['workload', 'workload'],
  ['disclosure', 'disclosureRate'],
  ['disclosureMerits', 'disclosureRateOnMerits'],
  ['refusal', 'refusalRate'],
  ['exemption', 'exemptionShares'],
  ['unable', 'unableRate'],
  ['notProcessed', 'notProcessedRate'],
  ['correctionReconsideration', 'reconsiderationCorrectionRate'],
  ['correctionLitigation', 'litigationCorrectionRate'],
  ['dispute', 'disputeRate'],
  ['backlog', 'backlogRate'],
  ['quality', 'dataQuality'],
] as const;

const CHECKS = ['1', '2', '3', '4', '5', '6', '7'] as const;
const RECOVERY = ['cells', 'runTogether', 'missing', 'ambiguous', 'never'] as const;
const SECTIONS = ['metrics', 'sample', 'templates', 'checks', 'recovery'] as const;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'methodology' });
  return sectionMetadata(locale, '/methodology', t('title'), t('intro'));
}

export default async function MethodologyPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('methodology');
  const tr = await getTranslations('ranking');
  const metricName = (key: string) => (key === 'workload' ? t('workloadName') : key === 'exemption' ? t('exemptionName') : tr(`metric.${key}`));
  return (
    <>
      <SectionJsonLd locale={locale} path="/methodology" title={t('title')} />
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <nav aria-label={t('toc')}>
        <ol>
          {SECTIONS.map((s) => (
            <li key={s}>
              <a href={`#${s}`}>{t(`${s}.heading`)}</a>
            </li>
          ))}
        </ol>
      </nav>

      <h2 id="metrics">{t('metrics.heading')}</h2>
      <p>{t('metrics.intro')}</p>
      <div className="table-scroll">
        <table data-testid="methodology-metrics">
          <caption>{t('metrics.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('metrics.name')}</th>
              <th scope="col">{t('metrics.formula')}</th>
              <th scope="col">{t('metrics.denominator')}</th>
              <th scope="col">{t('metrics.code')}</th>
            </tr>
          </thead>
          <tbody>
            {METRICS.map(([key, fn]) => (
              <tr key={key} id={`metric-${key}`}>
                <th scope="row">{metricName(key)}</th>
                <td>
                  {t(`metrics.items.${key}.formula`)}
                  <span className="muted" style={{ display: 'block', fontSize: '0.88rem' }}>
                    {t(`metrics.items.${key}.note`)}
                  </span>
                </td>
                <td>{t(`metrics.items.${key}.denominator`)}</td>
                <td>
                  <code>{fn}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>{t('metrics.sums')}</p>

      <h2 id="sample">{t('sample.heading')}</h2>
      <p>{t('sample.min', { min: DEFAULT_MIN })}</p>
      <p>{t('sample.wilson')}</p>
      <p>
        <code>{t('sample.formula')}</code>
      </p>
      <p>{t('sample.example')}</p>
      <p>
        <Link href="/ranking">{t('sample.rankingLink')}</Link>
      </p>

      <h2 id="templates">{t('templates.heading')}</h2>
      <p>{t('templates.intro')}</p>
      <div className="table-scroll">
        <table data-testid="methodology-templates">
          <caption>{t('templates.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('templates.key')}</th>
              <th scope="col">{t('templates.notice')}</th>
              <th scope="col">{t('templates.years')}</th>
              <th scope="col">{t('templates.differences')}</th>
            </tr>
          </thead>
          <tbody>
            {(['2019', '2021'] as const).map((k) => (
              <tr key={k}>
                <th scope="row">{k}</th>
                <td>{t(`templates.${k}.notice`)}</td>
                <td>{t(`templates.${k}.years`)}</td>
                <td>{t(`templates.${k}.differences`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul>
        <li>{t('templates.mapTable3')}</li>
        <li>{t('templates.mapTable1')}</li>
        <li>{t('templates.mapDetect')}</li>
      </ul>

      <h2 id="checks">{t('checks.heading')}</h2>
      <p>{t('checks.intro')}</p>
      <ol data-testid="methodology-checks">
        {CHECKS.map((c) => (
          <li key={c} id={`check-${c}`}>
            <strong>{t(`checks.items.${c}.title`)}</strong> — {t(`checks.items.${c}.body`)}
          </li>
        ))}
      </ol>
      <p>{t('checks.failing')}</p>

      <h2 id="recovery">{t('recovery.heading')}</h2>
      {RECOVERY.map((r) => (
        <p key={r}>{t(`recovery.${r}`)}</p>
      ))}
    </>
  );
}
