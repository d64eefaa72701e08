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

const WIDE = /[\uFF01-\uFF5E\u3000\u00A0\u2002-\u200B\u2212\u2013\u2014\uFE63]/g;

function narrow(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c >= 0xff01 && c <= 0xff5e) return String.fromCharCode(c - 0xfee0);
  if (c === 0x2212 || c === 0xfe63) return '-';
  // En/em dashes stay dashes (page numbers like "— 3 —"); all spacing characters become a plain space.
  if (c === 0x2013 || c === 0x2014) return '-';
  return ' ';
}

/** Matching form of a string, same length as the input. */
export function toMatchForm(s: string): string {
  return s.replace(WIDE, narrow);
}

/** Label key: matching form without whitespace or quotes, for comparing labels by their words. */
export function labelKey(s: string): string {
  return toMatchForm(s).replace(/[\s\f"'“”‘’「」『』·•]+/g, '');
}
