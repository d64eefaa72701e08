/**
 * Number, percent and date formatting per locale. Pure (Intl only), shared by server pages and chart leaves,
 * so that a figure reads the same in a table and in a chart tooltip. Missing values print as an em dash.
 */

export type FormatLocale = 'zh' | 'en';

const DASH = '—';

const intlLocale = (locale: string): string => (locale === 'en' ? 'en-GB' : locale === 'en-US' ? 'en-US' : 'zh-CN');

const cache = new Map<string, Intl.NumberFormat>();
/** A formatter per locale and options, made once: a page formats thousands of numbers. */
function nf(locale: string, opts: Intl.NumberFormatOptions): Intl.NumberFormat {
  // The options' values in a fixed order (not JSON.stringify, which showed in page-render profiles).
  const key = `${locale}|${opts.style ?? ''}|${opts.notation ?? ''}|${opts.signDisplay ?? ''}|${opts.minimumFractionDigits ?? ''}|${opts.maximumFractionDigits ?? ''}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(intlLocale(locale), opts);
    cache.set(key, f);
  }
  return f;
}

/** A count or amount with digit grouping: 12,345. Up to `maxFractionDigits` decimals (default 0 for counts). */
export function formatNumber(value: number | null | undefined, locale: string, maxFractionDigits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
  return nf(locale, { maximumFractionDigits: maxFractionDigits }).format(value);
}

/** A proportion (0–1) as a percentage: 0.4567 → 45.7%. */
export function formatPercent(value: number | null | undefined, locale: string, fractionDigits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
  return nf(locale, {
    style: 'percent',
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(value);
}

/** A signed difference: +12, −3, 0. Uses the true minus sign for legibility. */
export function formatDelta(value: number | null | undefined, locale: string, maxFractionDigits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
  const s = nf(locale, { maximumFractionDigits: maxFractionDigits, signDisplay: 'exceptZero' }).format(value);
  return s.replace('-', '−');
}

/** A signed relative change as a percentage: +12.5%, −3.0%. */
export function formatPercentChange(value: number | null | undefined, locale: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
  const s = nf(locale, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  }).format(value);
  return s.replace('-', '−');
}

/** Compact axis labels: 12000 → 1.2万 (zh) / 12K (en). */
export function formatCompact(value: number, locale: string): string {
  if (!Number.isFinite(value)) return DASH;
  // en-GB prints a lower-case k; en-US's K is the common axis convention.
  const key = locale === 'en' ? 'en-US' : 'zh';
  return nf(key, { notation: 'compact', maximumFractionDigits: 1 }).format(value);
}

/** An ISO date (YYYY-MM-DD, or a full timestamp) as a readable date: 2023年1月31日 / 31 January 2023. */
export function formatDate(value: string | Date | null | undefined, locale: string): string {
  if (value === null || value === undefined || value === '') return DASH;
  const d = typeof value === 'string' ? new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value) : value;
  if (Number.isNaN(d.getTime())) return DASH;
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'long', timeZone: 'UTC' }).format(d);
}

/** Money in 元: whole yuan with grouping, e.g. 1,234 元 / ¥1,234. */
export function formatYuan(value: number | null | undefined, locale: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
  const n = formatNumber(value, locale, 2);
  return locale === 'en' ? `¥${n}` : `${n} 元`;
}
