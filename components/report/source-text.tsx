import { getTranslations } from 'next-intl/server';
import styles from './report.module.css';

/**
 * The full source text, one element per line with id L<n> (1-based, as in `report.sources`), so every figure can
 * link to `#L<n>`; the targeted line is highlighted by CSS :target, no JavaScript needed.
 */
export async function SourceText({ text }: { text: string }) {
  const t = await getTranslations('report');
  const lines = text.split(/\r\n|\r|\n/);
  return (
    <>
      <p className="muted">
        {t('sourceIntro')} {t('lines', { count: lines.length })}
      </p>
      <div className={styles.source} lang="zh-CN" id="source-text">
        {lines.map((line, i) => (
          <div key={i} id={`L${i + 1}`} className={styles.line}>
            <a href={`#L${i + 1}`} className={styles.ln} aria-label={`L${i + 1}`}>
              {i + 1}
            </a>
            <span>{line || '\u00a0'}</span>
          </div>
        ))}
      </div>
    </>
  );
}
