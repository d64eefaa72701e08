/** `2026-11-22 03:40:00.5+00` (PostgreSQL's text form of timestamptz) → `2026-11-22T03:40:00.500Z`. */
export function isoTimestamp(pgText: string): string {
  const d = new Date(pgText.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00'));
  return Number.isNaN(d.getTime()) ? pgText : d.toISOString();
}
