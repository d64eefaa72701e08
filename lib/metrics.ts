/**
 * The portal's metrics (../shared/spec/report-format.md, "Metrics the portal shows"). Pure functions over plain
 * numbers: every rate is returned with its numerator and denominator, so that pages and rankings can show the count
 * beside the rate and a Wilson interval. A missing input (null) or a zero denominator gives a null value, never 0.
 */
import { DENIED_ROWS } from './report-parser/keys';

/** A rate with the counts it was computed from. `value` is null when it cannot be computed. */
export interface Rate {
  numerator: number | null;
  denominator: number | null;
  value: number | null;
}

/** The totals the metrics read. Field names match `report_totals`, so one of its rows can be passed as is. */
export interface MetricTotals {
  newReceived: number | null;
  carriedOver: number | null;
  granted: number | null;
  partiallyGranted: number | null;
  denied: number | null;
  deniedStateSecret: number | null;
  deniedProhibitedByLaw: number | null;
  deniedEndangersSafety: number | null;
  deniedThirdPartyRights: number | null;
  deniedInternalAffairs: number | null;
  deniedProcessInformation: number | null;
  deniedLawEnforcementFile: number | null;
  deniedAdministrativeQuery: number | null;
  unable: number | null;
  notProcessed: number | null;
  otherTotal: number | null;
  totalHandled: number | null;
  carriedForward: number | null;
  reconsiderationTotal: number | null;
  reconsiderationCorrected: number | null;
  reconsiderationPending: number | null;
  litigationTotal: number | null;
  litigationCorrected: number | null;
  litigationPending: number | null;
  checksPassed: number;
  checksTotal: number;
}

/** One table-4 row (or the litigation kinds added together). */
export interface ReviewCounts {
  corrected: number | null;
  pending: number | null;
  total: number | null;
}

/** The eight 不予公开 rows of table 3 (the exemptions), in printed order; same keys as DENIED_ROWS. */
export const EXEMPTION_KEYS = DENIED_ROWS;
export type ExemptionKey = (typeof EXEMPTION_KEYS)[number];

/** a + b + …, or null when any part is null (a sum with a missing part would understate). */
export function sumOrNull(...parts: (number | null | undefined)[]): number | null {
  let s = 0;
  for (const p of parts) {
    if (p === null || p === undefined || !Number.isFinite(p)) return null;
    s += p;
  }
  return s;
}

/** numerator / denominator with both kept; null value when either is missing or the denominator is not positive. */
export function rate(numerator: number | null | undefined, denominator: number | null | undefined): Rate {
  const n = numerator ?? null;
  const d = denominator ?? null;
  const value = n === null || d === null || d <= 0 ? null : n / d;
  return { numerator: n, denominator: d, value };
}

/** Requests received = newReceived.total. */
export function requestsReceived(t: Pick<MetricTotals, 'newReceived'>): number | null {
  return t.newReceived;
}

/** Workload = newReceived.total + carriedOver.total. */
export function workload(t: Pick<MetricTotals, 'newReceived' | 'carriedOver'>): number | null {
  return sumOrNull(t.newReceived, t.carriedOver);
}

/** 公开率 = (granted + partiallyGranted) / totalHandled. */
export function disclosureRate(t: Pick<MetricTotals, 'granted' | 'partiallyGranted' | 'totalHandled'>): Rate {
  return rate(sumOrNull(t.granted, t.partiallyGranted), t.totalHandled);
}

/**
 * 公开率, decided on the merits: 不予处理 and 其他处理 are left out of the denominator, since those requests never
 * reached a decision on whether to disclose.
 */
export function disclosureRateOnMerits(
  t: Pick<MetricTotals, 'granted' | 'partiallyGranted' | 'totalHandled' | 'notProcessed' | 'otherTotal'>,
): Rate {
  const decided =
    t.totalHandled === null || t.notProcessed === null || t.otherTotal === null
      ? null
      : t.totalHandled - t.notProcessed - t.otherTotal;
  return rate(sumOrNull(t.granted, t.partiallyGranted), decided);
}

/** Refusal rate: the eight 不予公开 rows together / totalHandled. */
export function refusalRate(t: Pick<MetricTotals, 'denied' | 'totalHandled'>): Rate {
  return rate(t.denied, t.totalHandled);
}

/** Each exemption's share of all refusals (denied_X / denied), in printed order. */
export function exemptionShares(
  t: Pick<MetricTotals, ExemptionKey | 'denied'>,
): { key: ExemptionKey; count: number | null; share: Rate }[] {
  return EXEMPTION_KEYS.map((key) => ({ key, count: t[key], share: rate(t[key], t.denied) }));
}

/** Each exemption as a share of all requests handled (denied_X / totalHandled). */
export function exemptionRates(
  t: Pick<MetricTotals, ExemptionKey | 'totalHandled'>,
): { key: ExemptionKey; rate: Rate }[] {
  return EXEMPTION_KEYS.map((key) => ({ key, rate: rate(t[key], t.totalHandled) }));
}

/** 无法提供率 = unable / totalHandled. */
export function unableRate(t: Pick<MetricTotals, 'unable' | 'totalHandled'>): Rate {
  return rate(t.unable, t.totalHandled);
}

/** 不予处理率 = notProcessed / totalHandled. */
export function notProcessedRate(t: Pick<MetricTotals, 'notProcessed' | 'totalHandled'>): Rate {
  return rate(t.notProcessed, t.totalHandled);
}

/** 纠错率 = corrected / (total − pending): the share of decided cases in which the agency was corrected. */
export function correctionRate(r: ReviewCounts): Rate {
  const decided = r.total === null || r.pending === null ? null : r.total - r.pending;
  return rate(r.corrected, decided);
}

/** 纠错率 of reconsideration, from a report_totals row. */
export function reconsiderationCorrectionRate(
  t: Pick<MetricTotals, 'reconsiderationCorrected' | 'reconsiderationPending' | 'reconsiderationTotal'>,
): Rate {
  return correctionRate({
    corrected: t.reconsiderationCorrected,
    pending: t.reconsiderationPending,
    total: t.reconsiderationTotal,
  });
}

/** 纠错率 of both kinds of litigation together, from a report_totals row. */
export function litigationCorrectionRate(
  t: Pick<MetricTotals, 'litigationCorrected' | 'litigationPending' | 'litigationTotal'>,
): Rate {
  return correctionRate({ corrected: t.litigationCorrected, pending: t.litigationPending, total: t.litigationTotal });
}

/** Dispute rate = (reconsideration + litigation totals) / newReceived.total. */
export function disputeRate(
  t: Pick<MetricTotals, 'reconsiderationTotal' | 'litigationTotal' | 'newReceived'>,
): Rate {
  return rate(sumOrNull(t.reconsiderationTotal, t.litigationTotal), t.newReceived);
}

/** Backlog rate = carriedForward.total / workload. */
export function backlogRate(t: Pick<MetricTotals, 'carriedForward' | 'newReceived' | 'carriedOver'>): Rate {
  return rate(t.carriedForward, workload(t));
}

/** Data quality: the share of identities (checks) that hold. */
export function dataQuality(t: Pick<MetricTotals, 'checksPassed' | 'checksTotal'>): Rate {
  return rate(t.checksPassed, t.checksTotal);
}

/** A 95% Wilson score interval for a proportion; null when there are no trials. */
export function wilsonInterval(
  successes: number,
  trials: number,
  z = 1.959963984540054,
): { low: number; high: number } | null {
  if (!Number.isFinite(successes) || !Number.isFinite(trials) || trials <= 0) return null;
  const p = Math.min(Math.max(successes / trials, 0), 1);
  const z2 = z * z;
  const denom = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / denom;
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** The Wilson interval of a Rate (null when the rate has no value or is not a proportion of counts). */
export function rateInterval(r: Rate): { low: number; high: number } | null {
  if (r.value === null || r.numerator === null || r.denominator === null) return null;
  if (r.numerator < 0 || r.numerator > r.denominator) return null;
  return wilsonInterval(r.numerator, r.denominator);
}

/** Change from one year to the next: absolute difference and relative change (null when the base is 0 or missing). */
export function yearChange(
  current: number | null,
  previous: number | null,
): { delta: number | null; relative: number | null } {
  if (current === null || previous === null) return { delta: null, relative: null };
  return { delta: current - previous, relative: previous === 0 ? null : (current - previous) / previous };
}
