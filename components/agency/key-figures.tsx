import { getTranslations } from 'next-intl/server';
import type { AgencyYear } from '@/db/queries/agencies';
import { formatDelta, formatNumber, formatPercent } from '@/lib/format';
import { dataQuality, disclosureRate, disputeRate, reconsiderationCorrectionRate, yearChange } from '@/lib/metrics';
import styles from './agency.module.css';

interface Card {
  label: string;
  value: string;
  note: string;
}

/** The latest year's key figures, each with its change from the year before (when that year is on file). */
export async function KeyFigures({ latest, previous, locale }: { latest: AgencyYear; previous?: AgencyYear; locale: string }) {
  const t = await getTranslations('agency');
  const m = await getTranslations('metrics');
  const prevYear = previous?.year;
  const change = (cur: number | null, prev: number | null | undefined, asPoints = false) => {
    if (previous === undefined || prevYear === undefined) return t('noPrevious');
    const d = yearChange(cur, prev ?? null).delta;
    const delta = asPoints
      ? d === null
        ? '—'
        : t('percentagePoints', { delta: formatDelta(d * 100, locale, 1) })
      : formatDelta(d, locale);
    return t('changeFrom', { year: prevYear, delta });
  };
  const dr = disclosureRate(latest);
  const drPrev = previous ? disclosureRate(previous).value : null;
  const reviews = (y: AgencyYear) => (y.reconsiderationTotal ?? 0) + (y.litigationTotal ?? 0);
  const cr = reconsiderationCorrectionRate(latest);
  const dq = dataQuality(latest);
  const cards: Card[] = [
    {
      label: m('requestsReceived'),
      value: formatNumber(latest.newReceived, locale),
      note: change(latest.newReceived, previous?.newReceived),
    },
    {
      label: m('disclosureRate'),
      value: formatPercent(dr.value, locale),
      note: change(dr.value, drPrev, true),
    },
    {
      label: m('reconsiderationAndLitigation'),
      value: formatNumber(reviews(latest), locale),
      note: change(reviews(latest), previous ? reviews(previous) : null),
    },
    {
      label: m('reconsiderationCorrectionRate'),
      value: formatPercent(cr.value, locale),
      note: m('ofCount', { numerator: formatNumber(cr.numerator, locale), denominator: formatNumber(cr.denominator, locale) }),
    },
    {
      label: m('disputeRate'),
      value: formatPercent(disputeRate(latest).value, locale),
      note: m('definitions.disputeRate'),
    },
    {
      label: m('dataQuality'),
      value: formatPercent(dq.value, locale),
      note: m('ofCount', { numerator: latest.checksPassed, denominator: latest.checksTotal }),
    },
  ];
  return (
    <dl className={`card-grid ${styles.figures}`}>
      {cards.map((c) => (
        <div key={c.label} className="card">
          <dt className="muted">{c.label}</dt>
          <dd className="card__value">{c.value}</dd>
          <dd className={styles.note}>{c.note}</dd>
        </div>
      ))}
    </dl>
  );
}
