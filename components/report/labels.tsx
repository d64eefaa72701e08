import zhReport from '@/messages/zh/report.json';
import styles from './report.module.css';

type Dict = { [k: string]: string | Dict };

/** The official Chinese wording of a report label (the zh messages hold the template's own text). */
export function officialLabel(key: string): string | null {
  let node: string | Dict | undefined = zhReport as Dict;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return null;
    node = node[part];
  }
  return typeof node === 'string' ? node : null;
}

/**
 * A table label in the reader's language; in English the template's official Chinese label is shown beneath it (and
 * in the tooltip), so a reader can match the row to the printed report.
 */
export function Label({ text, messageKey, locale }: { text: string; messageKey: string; locale: string }) {
  const official = locale === 'zh' ? null : officialLabel(messageKey);
  if (!official) return <>{text}</>;
  return (
    <>
      {text}
      <span lang="zh-CN" className={styles.official}>
        {official}
      </span>
    </>
  );
}
