import { formatNumber } from '@/lib/format';
import styles from './report.module.css';

export interface CellContext {
  locale: string;
  sources: Record<string, { line: number }>;
  /** Figure paths that take part in a failing check. */
  failed: ReadonlySet<string>;
  /** Translated tooltips. */
  sourceTitle: (line: number) => string;
  failedTitle: string;
  extraClass?: string;
}

/**
 * One figure of a table: a link to the source line it was read from (#L<n>), marked when a check involving it
 * fails (class and ✗ sign, so colour is not the only cue).
 */
export function FigureCell({ path, value, ctx, colSpan }: { path: string; value: number | null | undefined; ctx: CellContext; colSpan?: number }) {
  const line = ctx.sources[path]?.line;
  const bad = ctx.failed.has(path);
  // A report page shows every figure as printed: no rounding of decimals such as 64.388392 (万元).
  const text = formatNumber(value ?? null, ctx.locale, 20);
  const title = [line ? ctx.sourceTitle(line) : null, bad ? ctx.failedTitle : null].filter(Boolean).join(' · ');
  return (
    <td className={`num ${bad ? styles.failed : ''}`} colSpan={colSpan} data-path={path} title={title || undefined}>
      {bad && <span aria-hidden="true">✗ </span>}
      {line ? (
        <a href={`#L${line}`} className={styles.figure}>
          {text}
        </a>
      ) : (
        text
      )}
      {bad && <span className="visually-hidden"> ({ctx.failedTitle})</span>}
    </td>
  );
}
