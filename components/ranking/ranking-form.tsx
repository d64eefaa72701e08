import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';
import {
  EXEMPTION_METRIC_KEYS,
  RANKING_KINDS,
  RANKING_METRICS,
  rankingQuery,
  REGION_LEVELS,
  type RankingParams,
} from '@/lib/ranking-params';
import styles from './ranking.module.css';

const MAIN_METRICS = RANKING_METRICS.filter((m) => !m.startsWith('exemption.'));

/** The ranking's choices as a plain GET form: the URL stays the whole state, and it works without JavaScript. */
export async function RankingForm({
  params,
  locale,
  years,
  parentName,
}: {
  params: RankingParams;
  locale: string;
  years: number[];
  parentName: string | null;
}) {
  const t = await getTranslations('ranking');
  return (
    <form method="get" action={`/${locale}/ranking`} className={`inline ${styles.form}`} aria-label={t('form.label')}>
      <label>
        {t('form.kind')}
        <select name="kind" defaultValue={params.kind}>
          {RANKING_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kind.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('form.level')}
        <select name="level" defaultValue={params.level}>
          {REGION_LEVELS.map((l) => (
            <option key={l} value={l}>
              {t(`level.${l}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('form.metric')}
        <select name="metric" defaultValue={params.metric}>
          {MAIN_METRICS.map((m) => (
            <option key={m} value={m}>
              {t(`metric.${m}`)}
            </option>
          ))}
          <optgroup label={t('form.exemptions')}>
            {EXEMPTION_METRIC_KEYS.map((k) => (
              <option key={k} value={`exemption.${k}`}>
                {t(`metric.exemption.${k}`)}
              </option>
            ))}
          </optgroup>
        </select>
      </label>
      <label>
        {t('form.year')}
        <select name="year" defaultValue={params.year === null ? '' : String(params.year)}>
          <option value="">{t('form.latestYear')}</option>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('form.min')}
        <input type="number" name="min" min={0} max={1000000} defaultValue={params.min} style={{ width: '6em' }} />
      </label>
      <label className={styles.check}>
        <input type="checkbox" name="hide" value="1" defaultChecked={params.hide} />
        {t('form.hide')}
      </label>
      {params.parent ? <input type="hidden" name="parent" value={params.parent} /> : null}
      {params.sort !== 'value' ? <input type="hidden" name="sort" value={params.sort} /> : null}
      <input type="hidden" name="dir" value={params.dir} />
      <button type="submit">{t('form.apply')}</button>
      {params.parent ? (
        <p className={styles.meta} style={{ flexBasis: '100%', margin: 0 }}>
          {t('form.within', { name: parentName ?? params.parent })}{' '}
          <Link href={{ pathname: '/ranking', query: rankingQuery(params, { parent: null, page: 1 }) }}>
            {t('form.clearParent')}
          </Link>
        </p>
      ) : null}
    </form>
  );
}
