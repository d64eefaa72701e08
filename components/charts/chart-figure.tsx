import { getTranslations } from 'next-intl/server';
import { ChartEnhancer } from './chart-enhancer';
import { ChartLegend } from './chart-legend';
import { ChartTable } from './chart-table';
import { staticChartSvg } from './static-chart';
import type { ChartSpec } from './types';
import styles from './charts.module.css';

/** A chart with its title, description, legend and the same data as a table (the text equivalent). */
export async function ChartFigure({ spec, headingLevel = 3 }: { spec: ChartSpec; headingLevel?: 2 | 3 }) {
  const t = await getTranslations('charts');
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const empty = spec.rows.length === 0;
  return (
    <figure className={styles.figure} id={`chart-${spec.id}`} aria-labelledby={`chart-${spec.id}-title`}>
      <Heading id={`chart-${spec.id}-title`} className={styles.title}>
        {spec.title}
      </Heading>
      <p className={`muted ${styles.description}`}>{spec.description}</p>
      {empty ? (
        <p>{t('noData')}</p>
      ) : (
        <>
          <ChartLegend spec={spec} />
          <ChartEnhancer spec={spec} label={`${spec.title}. ${spec.description}`} svg={staticChartSvg(spec)} />
          <details className={styles.details}>
            <summary>{t('showTable')}</summary>
            <ChartTable spec={spec} />
          </details>
        </>
      )}
    </figure>
  );
}
