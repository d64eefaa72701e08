/**
 * Ground-truth figures that satisfy the identities (or break chosen ones on purpose), with the checks a correct
 * parser reports for them.
 */
import {
  APPLICANT_COLUMNS,
  APPLICANT_PARTS,
  OTHER_SUB_ROWS,
  OUTCOME_ROWS,
  PROACTIVE_ROWS,
  REVIEW_KINDS,
  applicationRowsFor,
  type ApplicationRow,
  type TemplateKey,
} from '@/lib/report-parser/keys';
import type { ApplicantCells, Applications, Check, Proactive, Reviews } from '@/lib/report-parser/types';
import type { Rng } from './prng';

export interface Figures {
  proactive: Proactive;
  applications: Applications;
  reviews: Reviews;
  feesCollectedYuan: number | null;
}

type Parts = Exclude<(typeof APPLICANT_COLUMNS)[number], 'total'>;

/** Splits n into k non-negative parts with the given weights. */
function split(rng: Rng, n: number, weights: number[]): number[] {
  const out = weights.map(() => 0);
  const sum = weights.reduce((a, b) => a + b, 0);
  for (let left = n; left > 0; left--) {
    let x = rng.next() * sum;
    let i = 0;
    while (i < weights.length - 1 && x >= (weights[i] as number)) x -= weights[i++] as number;
    out[i] = (out[i] as number) + 1;
  }
  return out;
}

// Natural persons dominate real reports; research institutions almost never apply.
const COLUMN_WEIGHTS: Record<Parts, number> = {
  naturalPerson: 20, commercialEnterprise: 3, researchInstitution: 0.2, publicInterestOrg: 0.3, legalServiceOrg: 1, otherOrg: 0.5,
};

const OUTCOME_WEIGHTS: Partial<Record<ApplicationRow, number>> = {
  granted: 10, partiallyGranted: 3, deniedStateSecret: 0.1, deniedProhibitedByLaw: 0.2, deniedEndangersSafety: 0.1,
  deniedThirdPartyRights: 0.6, deniedInternalAffairs: 0.4, deniedProcessInformation: 0.5, deniedLawEnforcementFile: 0.3,
  deniedAdministrativeQuery: 0.4, unableNotHeld: 5, unableNeedsCreation: 0.8, unableUnclear: 0.5,
  notProcessedComplaint: 0.8, notProcessedDuplicate: 0.6, notProcessedPublication: 0.2, notProcessedExcessive: 0.2,
  notProcessedConfirmation: 0.2, otherOverdueCorrection: 0.4, otherUnpaidFee: 0.05, otherReasons: 0.4, otherTotal: 0.8,
};

function row(values: Record<Parts, number>): ApplicantCells {
  const total = APPLICANT_PARTS.reduce((s, c) => s + values[c], 0);
  return { ...values, total };
}

function perColumn(rng: Rng, n: number): Record<Parts, number> {
  const parts = split(rng, n, APPLICANT_PARTS.map((c) => COLUMN_WEIGHTS[c]));
  return Object.fromEntries(APPLICANT_PARTS.map((c, i) => [c, parts[i] ?? 0])) as Record<Parts, number>;
}

export function makeFigures(rng: Rng, template: TemplateKey, carriedOverTotal: number | null): Figures {
  const scale = rng.pick([0, 1, 3, 10, 30, 100, 300, 1000]);
  const newReceived = perColumn(rng, rng.int(0, scale));
  const carriedOver = carriedOverTotal === null ? perColumn(rng, rng.int(0, Math.ceil(scale / 20))) : perColumn(rng, carriedOverTotal);
  const outcomeRows: ApplicationRow[] =
    template === '2021'
      ? [...OUTCOME_ROWS.filter((r) => r !== 'otherTotal'), ...OTHER_SUB_ROWS]
      : [...OUTCOME_ROWS];
  const uniqueOutcomeRows = [...new Set(outcomeRows)];
  const byRow = new Map<ApplicationRow, Record<Parts, number>>();
  for (const r of uniqueOutcomeRows) byRow.set(r, Object.fromEntries(APPLICANT_PARTS.map((c) => [c, 0])) as Record<Parts, number>);
  const forward = Object.fromEntries(APPLICANT_PARTS.map((c) => [c, 0])) as Record<Parts, number>;
  for (const c of APPLICANT_PARTS) {
    const workload = newReceived[c] + carriedOver[c];
    forward[c] = workload > 0 && rng.chance(0.3) ? rng.int(0, Math.ceil(workload / 8)) : 0;
    const parts = split(rng, workload - forward[c], uniqueOutcomeRows.map((r) => OUTCOME_WEIGHTS[r] ?? 0.1));
    uniqueOutcomeRows.forEach((r, i) => ((byRow.get(r) as Record<Parts, number>)[c] = parts[i] ?? 0));
  }
  const applications: Applications = { newReceived: row(newReceived), carriedOver: row(carriedOver) };
  for (const r of uniqueOutcomeRows) applications[r] = row(byRow.get(r) as Record<Parts, number>);
  if (template === '2021') {
    const sub = OTHER_SUB_ROWS.map((r) => applications[r] as ApplicantCells);
    applications.otherTotal = row(Object.fromEntries(APPLICANT_PARTS.map((c) => [c, sub.reduce((s, x) => s + (x[c] ?? 0), 0)])) as Record<Parts, number>);
  }
  const handled = Object.fromEntries(
    APPLICANT_PARTS.map((c) => [c, OUTCOME_ROWS.reduce((s, r) => s + ((applications[r] as ApplicantCells)[c] ?? 0), 0)]),
  ) as Record<Parts, number>;
  applications.totalHandled = row(handled);
  applications.carriedForward = row(forward);

  const reviews = Object.fromEntries(
    REVIEW_KINDS.map((k) => {
      const n = rng.chance(0.6) ? 0 : rng.int(0, Math.max(1, Math.ceil(scale / 30)));
      const [upheld = 0, corrected = 0, other = 0, pending = 0] = split(rng, n, [6, 1, 1, 1]);
      return [k, { upheld, corrected, other, pending, total: n }];
    }),
  ) as Reviews;

  const proactive: Proactive = {};
  for (const [key, fields] of Object.entries(PROACTIVE_ROWS[template])) {
    proactive[key] = Object.fromEntries(
      (fields as readonly string[]).map((f) => {
        if (f === 'amountTenThousandYuan') return [f, rng.chance(0.5) ? 0 : Math.round(rng.next() * 100_000) / 1000];
        if (f === 'amountYuan') return [f, rng.int(0, 5_000_000)];
        if (f === 'change') return [f, rng.int(-3, 5)];
        return [f, rng.chance(0.3) ? 0 : rng.int(0, key === 'licensing' ? 5000 : 200)];
      }),
    );
  }
  const feesCollectedYuan = rng.chance(0.2) ? null : rng.chance(0.9) ? 0 : rng.int(1, 300);
  return { proactive, applications, reviews, feesCollectedYuan };
}

/** Makes `count` identities fail by changing printed totals, as real reports do. Returns the rows changed. */
export function breakIdentities(rng: Rng, f: Figures, template: TemplateKey, count: number): string[] {
  const changed: string[] = [];
  const rows = applicationRowsFor(template).filter((r) => f.applications[r]);
  for (let i = 0; i < count; i++) {
    const r = rng.pick(rows);
    const cells = f.applications[r] as ApplicantCells;
    cells.total = (cells.total ?? 0) + rng.pick([1, 2, 10, -1].filter((d) => (cells.total ?? 0) + d >= 0));
    changed.push(r);
  }
  return changed;
}

/** Identities 1–5 on the given figures, as a correct parser reports them. */
export function computeChecks(f: Figures, template: TemplateKey): Check[] {
  const a = f.applications;
  const v = (r: ApplicationRow, c: (typeof APPLICANT_COLUMNS)[number]) => (a[r] as ApplicantCells | undefined)?.[c] ?? 0;
  const checks: Check[] = [];
  for (const r of applicationRowsFor(template)) {
    if (!a[r]) continue;
    const left = APPLICANT_PARTS.reduce((s, c) => s + v(r, c), 0);
    checks.push({ id: `row.${r}`, passed: left === v(r, 'total'), left, right: v(r, 'total') });
  }
  for (const c of APPLICANT_COLUMNS) {
    const outcomes = OUTCOME_ROWS.reduce((s, r) => s + v(r, c), 0);
    checks.push({ id: `outcomes.${c}`, passed: outcomes === v('totalHandled', c), left: outcomes, right: v('totalHandled', c) });
    const left = v('newReceived', c) + v('carriedOver', c);
    const right = v('totalHandled', c) + v('carriedForward', c);
    checks.push({ id: `balance.${c}`, passed: left === right, left, right });
    if (template === '2021') {
      const sub = OTHER_SUB_ROWS.reduce((s, r) => s + v(r, c), 0);
      checks.push({ id: `other.${c}`, passed: sub === v('otherTotal', c), left: sub, right: v('otherTotal', c) });
    }
  }
  for (const k of REVIEW_KINDS) {
    const x = f.reviews[k];
    const left = (x.upheld ?? 0) + (x.corrected ?? 0) + (x.other ?? 0) + (x.pending ?? 0);
    checks.push({ id: `reviews.${k}`, passed: left === (x.total ?? 0), left, right: x.total ?? 0 });
  }
  return checks;
}
