import { describe, expect, it } from 'vitest';
import { LAYOUTS, generateReports } from '@/lib/synthetic';
import { mulberry32 } from '@/lib/synthetic/prng';

describe('synthetic report generator', () => {
  it('is deterministic: the same seed gives the same bytes, another seed other bytes', () => {
    const a = [...generateReports(20, { seed: 9 })].map((r) => Buffer.from(r.bytes).toString('base64'));
    const b = [...generateReports(20, { seed: 9 })].map((r) => Buffer.from(r.bytes).toString('base64'));
    const c = [...generateReports(20, { seed: 10 })].map((r) => Buffer.from(r.bytes).toString('base64'));
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('cycles through every layout, with file extensions to match', () => {
    const reps = [...generateReports(LAYOUTS.length, { seed: 1 })];
    expect(reps.map((r) => r.layout)).toEqual([...LAYOUTS]);
    expect(reps.find((r) => r.layout === 'html')?.fileName).toMatch(/\.html$/);
    expect(reps.find((r) => r.layout === 'html')?.text).toMatch(/<td rowspan="8">（三）不予公开<\/td>/);
    expect(reps.find((r) => r.layout === 'markdown')?.fileName).toMatch(/\.md$/);
    expect(reps.find((r) => r.layout === 'pdf')?.text).toContain('\f');
  });

  it('prints table-3 cells run together in the run-together layout', () => {
    const r = [...generateReports(7, { seed: 2, layouts: ['run-together'] })][0];
    const total = r?.truth.applications.newReceived;
    const digits = ['naturalPerson', 'commercialEnterprise', 'researchInstitution', 'publicInterestOrg', 'legalServiceOrg', 'otherOrg', 'total']
      .map((k) => String(total?.[k as keyof typeof total]))
      .join('');
    expect(r?.text).toContain(`一、本年新收政府信息公开申请数量${digits}\n`);
  });

  it('leaves one cell out of one table-3 row in the six-of-seven layout', () => {
    let withGap = 0;
    for (const r of generateReports(20, { seed: 3, layouts: ['six-of-seven'] })) {
      const rows = r.text.split('\n').filter((l) => /^(一、本年新收|二、上年结转|三、本年度|\t|（[三四五六七]）|四、结转)/.test(l) && /\d\t|\t\d/.test(l));
      const short = rows.filter((l) => (l.match(/\t-?\d+(\.\d+)?(?=\t|$)/g) ?? []).length === 6);
      expect(short.length).toBeLessThanOrEqual(1);
      withGap += short.length;
    }
    // Only a report with no zero cell at all has nothing to drop.
    expect(withGap).toBeGreaterThanOrEqual(15);
  });

  it('gives ground truth whose identities hold, both templates, and carry-over across an agency’s years', () => {
    const reps = [...generateReports(240, { seed: 4, breakRate: 0, yearsPerAgency: 6 })];
    expect(new Set(reps.map((r) => r.truth.template))).toEqual(new Set(['2019', '2021']));
    for (const r of reps) {
      const failed = r.truth.checks.filter((c) => !c.passed);
      expect(failed, `${r.fileName} ${JSON.stringify(failed)}`).toHaveLength(0);
      expect(r.truth.checks.length).toBeGreaterThan(30);
      expect(r.truth.regionCode).toMatch(/^\d{6}(\d{3})?$/);
      expect(r.text).toContain(r.truth.agencyName ?? '');
    }
    for (let i = 1; i < reps.length; i++) {
      const prev = reps[i - 1];
      const cur = reps[i];
      if (!prev || !cur || i % 6 === 0) continue;
      expect(cur.truth.agencyName).toBe(prev.truth.agencyName);
      expect(cur.truth.year).toBe((prev.truth.year ?? 0) + 1);
      expect(cur.truth.applications.carriedOver?.total).toBe(prev.truth.applications.carriedForward?.total);
    }
  });

  it('breaks identities on request and says which rows', () => {
    for (const r of generateReports(30, { seed: 5, breakRate: 1 })) {
      expect(r.broken.length).toBeGreaterThan(0);
      expect(r.truth.checks.some((c) => !c.passed)).toBe(true);
    }
  });

  it('has a PRNG that stays in range', () => {
    const rng = mulberry32(123);
    for (let i = 0; i < 1000; i++) {
      const x = rng.int(-3, 5);
      expect(x).toBeGreaterThanOrEqual(-3);
      expect(x).toBeLessThanOrEqual(5);
    }
  });
});
