import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  backlogRate,
  correctionRate,
  dataQuality,
  disclosureRate,
  disclosureRateOnMerits,
  disputeRate,
  exemptionRates,
  exemptionShares,
  litigationCorrectionRate,
  type MetricTotals,
  notProcessedRate,
  rate,
  rateInterval,
  reconsiderationCorrectionRate,
  refusalRate,
  requestsReceived,
  sumOrNull,
  unableRate,
  wilsonInterval,
  workload,
  yearChange,
} from '../../lib/metrics';

// Figures of seed 000 (鲤城区, 2022) shaped as a report_totals row, with a few changed to exercise every metric.
const totals: MetricTotals = {
  newReceived: 50,
  carriedOver: 1,
  granted: 20,
  partiallyGranted: 5,
  denied: 8,
  deniedStateSecret: 1,
  deniedProhibitedByLaw: 0,
  deniedEndangersSafety: 0,
  deniedThirdPartyRights: 2,
  deniedInternalAffairs: 1,
  deniedProcessInformation: 3,
  deniedLawEnforcementFile: 1,
  deniedAdministrativeQuery: 0,
  unable: 10,
  notProcessed: 4,
  otherTotal: 2,
  totalHandled: 49,
  carriedForward: 2,
  reconsiderationTotal: 3,
  reconsiderationCorrected: 1,
  reconsiderationPending: 1,
  litigationTotal: 4,
  litigationCorrected: 0,
  litigationPending: 4,
  checksPassed: 40,
  checksTotal: 42,
};

describe('counts', () => {
  it('requests received is newReceived.total', () => {
    expect(requestsReceived(totals)).toBe(50);
  });
  it('workload adds the carried-over requests', () => {
    expect(workload(totals)).toBe(51);
    expect(workload({ newReceived: 50, carriedOver: null })).toBeNull();
  });
  it('sumOrNull is null when any part is missing', () => {
    expect(sumOrNull(1, 2, 3)).toBe(6);
    expect(sumOrNull(1, null, 3)).toBeNull();
    expect(sumOrNull()).toBe(0);
  });
});

describe('rates', () => {
  it('keeps numerator and denominator, null value on zero or missing denominator', () => {
    expect(rate(1, 4)).toEqual({ numerator: 1, denominator: 4, value: 0.25 });
    expect(rate(0, 0).value).toBeNull();
    expect(rate(3, null).value).toBeNull();
    expect(rate(null, 3).value).toBeNull();
  });
  it('disclosure rate = (granted + partly) / totalHandled', () => {
    const r = disclosureRate(totals);
    expect(r.numerator).toBe(25);
    expect(r.denominator).toBe(49);
    expect(r.value).toBeCloseTo(25 / 49, 12);
  });
  it('on-the-merits variant leaves not-processed and other out of the denominator', () => {
    const r = disclosureRateOnMerits(totals);
    expect(r.denominator).toBe(49 - 4 - 2);
    expect(r.value).toBeCloseTo(25 / 43, 12);
    expect(disclosureRateOnMerits({ ...totals, otherTotal: null }).value).toBeNull();
  });
  it('refusal, unable and not-processed rates are shares of totalHandled', () => {
    expect(refusalRate(totals).value).toBeCloseTo(8 / 49, 12);
    expect(unableRate(totals).value).toBeCloseTo(10 / 49, 12);
    expect(notProcessedRate(totals).value).toBeCloseTo(4 / 49, 12);
  });
  it('exemption shares: the eight grounds in printed order, shares of all refusals summing to 1', () => {
    const shares = exemptionShares(totals);
    expect(shares.map((s) => s.key)).toEqual([
      'deniedStateSecret',
      'deniedProhibitedByLaw',
      'deniedEndangersSafety',
      'deniedThirdPartyRights',
      'deniedInternalAffairs',
      'deniedProcessInformation',
      'deniedLawEnforcementFile',
      'deniedAdministrativeQuery',
    ]);
    expect(shares[5]?.share.value).toBeCloseTo(3 / 8, 12);
    expect(shares.reduce((s, x) => s + (x.share.value ?? 0), 0)).toBeCloseTo(1, 12);
    expect(exemptionShares({ ...totals, denied: 0 }).every((s) => s.share.value === null)).toBe(true);
    expect(exemptionRates(totals)[3]?.rate.value).toBeCloseTo(2 / 49, 12);
  });
  it('correction rate = corrected / (total − pending)', () => {
    expect(correctionRate({ corrected: 1, pending: 1, total: 3 }).value).toBe(0.5);
    expect(reconsiderationCorrectionRate(totals).value).toBe(0.5);
    // all cases pending: nothing decided yet, so no rate (not 0%)
    expect(litigationCorrectionRate(totals).value).toBeNull();
    expect(litigationCorrectionRate(totals).denominator).toBe(0);
    expect(correctionRate({ corrected: 0, pending: null, total: 3 }).value).toBeNull();
  });
  it('dispute rate = (reconsideration + litigation) / newReceived', () => {
    expect(disputeRate(totals).value).toBeCloseTo(7 / 50, 12);
    expect(disputeRate({ ...totals, newReceived: 0 }).value).toBeNull();
  });
  it('backlog rate = carriedForward / workload', () => {
    expect(backlogRate(totals).value).toBeCloseTo(2 / 51, 12);
  });
  it('data quality = checks passed / checks', () => {
    expect(dataQuality(totals).value).toBeCloseTo(40 / 42, 12);
    expect(dataQuality({ checksPassed: 0, checksTotal: 0 }).value).toBeNull();
  });
});

describe('Wilson interval', () => {
  it('matches the textbook value for 5 of 10', () => {
    const w = wilsonInterval(5, 10);
    expect(w?.low).toBeCloseTo(0.2366, 4);
    expect(w?.high).toBeCloseTo(0.7634, 4);
  });
  it('0 of 20 starts at 0 and is not degenerate', () => {
    const w = wilsonInterval(0, 20);
    expect(w?.low).toBe(0);
    expect(w?.high).toBeCloseTo(0.1611, 4);
  });
  it('is null with no trials', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(rateInterval(rate(1, 0))).toBeNull();
  });
  it('always contains the point estimate and stays within [0, 1]; narrows as n grows', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, f) => {
        const k = Math.round(f * n);
        const w = wilsonInterval(k, n);
        if (!w) return false;
        const p = k / n;
        const w4 = wilsonInterval(k * 4, n * 4);
        return (
          w.low >= 0 &&
          w.high <= 1 &&
          w.low <= p + 1e-12 &&
          w.high >= p - 1e-12 &&
          w4 !== null &&
          w4.high - w4.low <= w.high - w.low + 1e-12
        );
      }),
    );
  });
  it('refuses an impossible proportion', () => {
    expect(rateInterval(rate(5, 3))).toBeNull();
  });
});

describe('yearChange', () => {
  it('gives delta and relative change', () => {
    expect(yearChange(120, 100)).toEqual({ delta: 20, relative: 0.2 });
    expect(yearChange(5, 0)).toEqual({ delta: 5, relative: null });
    expect(yearChange(null, 3)).toEqual({ delta: null, relative: null });
  });
});
