/**
 * Readable names for check ids (`row.<rowKey>`, `outcomes.<column>`, `balance.<column>`, `other.<column>`,
 * `reviews.<kind>`, `narrative.<figure>`, `carryover.total`), built from the `checks` and `report` messages.
 */
export interface Translator {
  (key: string, values?: Record<string, string | number>): string;
  has: (key: string) => boolean;
}

function label(t: Translator, key: string, fallback: string): string {
  return t.has(key) ? t(key) : fallback;
}

/** The name of a check in the reader's language; unknown patterns fall back to the id itself. */
export function checkName(id: string, checks: Translator, report: Translator): string {
  const dot = id.indexOf('.');
  const kind = dot < 0 ? id : id.slice(0, dot);
  const rest = dot < 0 ? '' : id.slice(dot + 1);
  switch (kind) {
    case 'row':
      return checks('row', { row: label(report, `appRows.${rest}`, rest) });
    case 'outcomes':
    case 'balance':
    case 'other':
      return checks(kind, { column: label(report, `applicants.${rest}`, rest) });
    case 'reviews':
      return checks('reviews', { kind: label(report, `reviewKinds.${rest}`, rest) });
    case 'narrative':
      return checks('narrative', { figure: label(report, `appRows.${rest}`, rest) });
    case 'carryover':
      return checks('carryover');
    default:
      return checks('unknown', { id });
  }
}
