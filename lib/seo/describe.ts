/**
 * The one-sentence summaries used as page descriptions, feed summaries and Dataset descriptions:
 * "2023年，芗城区人民政府收到政府信息公开申请80件，予以公开36件…" / "In 2023, … received 80 requests …".
 * Pure: the caller passes a translator of the `seo` namespace, so tests run it on the message files directly.
 */

export type Translate = (key: string, values?: Record<string, string | number>) => string;

export interface SummaryFigures {
  newReceived: number | null;
  granted: number | null;
  partiallyGranted: number | null;
  totalHandled: number | null;
}

/** The key figures of one report as a sentence in the translator's language; missing figures are left out. */
export function summarizeReport(t: Translate, name: string, year: number, f: SummaryFigures): string {
  const clauses: string[] = [];
  if (f.newReceived !== null) clauses.push(t('summary.received', { count: f.newReceived }));
  if (f.granted !== null) clauses.push(t('summary.granted', { count: f.granted }));
  if (f.partiallyGranted !== null && f.partiallyGranted > 0)
    clauses.push(t('summary.partiallyGranted', { count: f.partiallyGranted }));
  if (f.totalHandled !== null) clauses.push(t('summary.handled', { count: f.totalHandled }));
  if (clauses.length === 0) return t('summary.none', { name, year: String(year) });
  const last = clauses.pop() as string;
  const body = clauses.length ? `${clauses.join(t('summary.separator'))}${t('summary.lastSeparator')}${last}` : last;
  return `${t('summary.lead', { name, year: String(year) })}${/^[\u4e00-\u9fff]/.test(body) ? '' : ' '}${body}${t('summary.end')}`;
}
