import styles from './charts.module.css';
import type { ChartSpec } from './types';

/** The legend as HTML (readable, wraps, translatable), shared by the static and the interactive chart. */
export function ChartLegend({ spec }: { spec: ChartSpec }) {
  return (
    <ul className={styles.legend} aria-hidden="true">
      {spec.series.map((s) => (
        <li key={s.key}>
          <span className={styles.swatch} style={{ background: s.color }} />
          {s.label}
        </li>
      ))}
      {spec.line && (
        <li>
          <span className={styles.lineSwatch} style={{ borderColor: spec.line.color }} />
          {spec.line.label}
        </li>
      )}
    </ul>
  );
}
