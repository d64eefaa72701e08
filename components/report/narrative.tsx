import { getTranslations } from 'next-intl/server';
import type { ReportDetail } from '@/db/queries/reports';
import styles from './report.module.css';

const PARTS = ['overview', 'problems', 'other'] as const;

/** The report's own prose: overview, problems and improvements, other matters (in Chinese, as printed). */
export async function Narrative({ report }: { report: ReportDetail }) {
  const t = await getTranslations('report');
  return (
    <>
      {PARTS.map((p) => {
        const text = report.narrative[p];
        return (
          <section key={p} aria-labelledby={`narrative-${p}`}>
            <h3 id={`narrative-${p}`}>{t(`narrative.${p}`)}</h3>
            {text ? (
              <p className={styles.narrative} lang="zh-CN">
                {text}
              </p>
            ) : (
              <p className="muted">{t('narrativeMissing')}</p>
            )}
          </section>
        );
      })}
    </>
  );
}
