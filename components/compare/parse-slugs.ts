/** Query-string helpers of the compare page (kept out of page.tsx: a page may only export what Next expects). */

const SLUG = /^[a-z0-9][a-z0-9-]{0,150}$/;

export function firstParam(v: string | string[] | undefined): string {
  return (Array.isArray(v) ? v[0] : v) ?? '';
}

/** `a,b,,a, c` → ['a', 'b', 'c']: order kept, duplicates and malformed slugs dropped. */
export function parseSlugs(raw: string): string[] {
  const out: string[] = [];
  for (const s of raw.split(',').map((x) => x.trim().toLowerCase())) {
    if (SLUG.test(s) && !out.includes(s)) out.push(s);
  }
  return out;
}
