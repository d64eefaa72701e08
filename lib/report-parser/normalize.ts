/**
 * Text normalisation. Two forms: the stored text (BOM stripped, CRLF → LF; line numbers refer to it) and the
 * matching form (full-width ASCII → half-width, NBSP / ideographic space → space). The matching form replaces
 * characters one for one, so its lines and columns line up with the stored text's.
 */

/** Stored form: the text whose 1-based lines every SourceRef, Check and Warning refers to. */
export function normalizeText(raw: string): string {
  let text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  if (text.indexOf('\r') !== -1) text = text.replace(/\r\n?/g, '\n');
  return text;
}

function narrowCode(c: number): number {
  if (c >= 0xff01 && c <= 0xff5e) return c - 0xfee0;
  // Minus signs and dashes become '-' (page numbers like "— 3 —", negative numbers).
  if (c === 0x2212 || c === 0xfe63 || c === 0x2013 || c === 0x2014) return 0x2d;
  // Ideographic space, NBSP and the other fixed-width spaces become a plain space.
  if (c === 0x3000 || c === 0xa0 || (c >= 0x2002 && c <= 0x200b)) return 0x20;
  return c;
}

/** Matching form of a string, same length as the input (one UTF-16 unit for one). */
export function toMatchForm(s: string): string {
  let i = 0;
  const n = s.length;
  // Most lines of the tables need no change past some point; copy only from the first character that does.
  // Only U+00A0, U+2002–U+2212, U+3000 and U+FE63–U+FF5E change; the pre-test lets CJK text through in two compares.
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xa0 || (c > 0x3000 && c < 0xfe63)) continue;
    if (narrowCode(c) !== c) break;
  }
  if (i === n) return s;
  let out = s.slice(0, i);
  let chunk: number[] = [];
  for (; i < n; i++) {
    chunk.push(narrowCode(s.charCodeAt(i)));
    if (chunk.length === 4096) {
      out += String.fromCharCode(...chunk);
      chunk = [];
    }
  }
  return out + String.fromCharCode(...chunk);
}

// Spaces of every kind but the newline (NBSP, ideographic and fixed-width spaces too: the stored text keeps them),
// and quotes.
const NOT_WORDS = /[ \t\f\v\r\u00a0\u2002-\u200b\u3000"'“”‘’「」『』·•]+/g;

/** Label key: matching form without whitespace or quotes, for comparing labels by their words. */
export function labelKey(s: string): string {
  return toMatchForm(s).replace(NOT_WORDS, '').replace(/\n/g, '');
}

/** Whitespace and quotes removed (newlines kept, so the result splits into the same lines). */
export function compactText(s: string): string {
  // Most pieces (cell labels) hold none of these characters: a code scan spares the regex and its lastIndex dance.
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 0x27 ? c === 32 || c === 9 || c === 12 || c === 11 || c === 13 || c === 34 || c === 39
      : c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019 || c === 0x300c || c === 0x300d ||
        c === 0x300e || c === 0x300f || c === 0xb7 || c === 0x2022 || c === 0xa0 || c === 0x3000 || (c >= 0x2002 && c <= 0x200b)) {
      return s.replace(NOT_WORDS, '');
    }
  }
  return s;
}
