/**
 * Bytes → text. The kind of input is decided from the content (magic bytes, markup), the file name is only a
 * tie-breaker. Never throws: every failure is a typed ParseError.
 */
import { Buffer, isUtf8, transcode } from 'node:buffer';
import type { InputFormat, ParseError, Warning } from './types';
import { docxToText } from './docx';
import { htmlToText } from './html';
import { pdfToText } from './pdf';

export type DecodeResult =
  | { ok: true; text: string; format: InputFormat; encoding: string; warnings: Warning[] }
  | { ok: false; error: ParseError };

/** PDF and DOCX files carry images and fonts; real reports stay far below this. */
export const MAX_BINARY_BYTES = 50 * 1024 * 1024;
/** A report's text is 5–100 KB; anything past this is not one, and parsing it would only burn time. */
export const MAX_TEXT_BYTES = 8 * 1024 * 1024;
/** Upper bound for extracting text from a PDF or DOCX. */
export const EXTRACT_TIMEOUT_MS = 20_000;

const fail = (code: ParseError['code'], message: string): DecodeResult => ({ ok: false, error: { code, message } });

function startsWith(bytes: Uint8Array, sig: number[], at = 0): boolean {
  if (bytes.length < at + sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (bytes[at + i] !== sig[i]) return false;
  return true;
}

/** %PDF may follow a few bytes of junk (some generators prepend a BOM or whitespace). */
function isPdf(bytes: Uint8Array): boolean {
  const limit = Math.min(bytes.length - 4, 1024);
  for (let i = 0; i <= limit; i++) {
    if (bytes[i] === 0x25 && bytes[i + 1] === 0x50 && bytes[i + 2] === 0x44 && bytes[i + 3] === 0x46) return true;
  }
  return false;
}

function containsAscii(bytes: Uint8Array, needle: string): boolean {
  const n = needle.length;
  const first = needle.charCodeAt(0);
  outer: for (let i = 0; i + n <= bytes.length; i++) {
    if (bytes[i] !== first) continue;
    for (let k = 1; k < n; k++) if (bytes[i + k] !== needle.charCodeAt(k)) continue outer;
    return true;
  }
  return false;
}

function tryDecode(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** UTF-16 without a BOM: ASCII-heavy text has a zero byte in every other position. */
function utf16ByNulls(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (odd > pairs * 0.3 && even < pairs * 0.05) return 'utf-16le';
  if (even > pairs * 0.3 && odd < pairs * 0.05) return 'utf-16be';
  return null;
}

/** Share of characters that no text file contains: C0 controls other than tab/newline/CR/FF, and U+FFFD. */
export function junkRatio(text: string): number {
  // A sample decides: binary junk shows in the first few KB, and scanning 8 MB would cost milliseconds.
  const n = Math.min(text.length, 8192);
  if (n === 0) return 0;
  // A character loop: the regex match allocated an array of every hit and cost ~10 µs per report.
  let junk = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 ? c !== 9 && c !== 10 && c !== 12 && c !== 13 : c === 0x7f || c === 0xfffd) junk++;
  }
  return junk / n;
}

const JUNK_SAMPLE = 8192;
/** A character junkRatio counts (C0 controls other than tab/newline/FF/CR, DEL, U+FFFD). */
const JUNK_CHAR = /[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd]/;

/**
 * Strict UTF-8 with the junk share of its first 8192 characters (as junkRatio measures it): simdutf validation, then
 * ICU's UTF-8 → UTF-16 transcoder (about three times faster than a JS loop, itself twice as fast as Buffer's or
 * TextDecoder's UTF-8 decoding for CJK text); the junk is counted only when the regex engine finds some.
 */
function decodeUtf8Strict(bytes: Uint8Array): { text: string; junk: number } | null {
  if (!isUtf8(bytes)) return null;
  const text = utf8ToString(bytes);
  const sample = text.length > JUNK_SAMPLE ? text.slice(0, JUNK_SAMPLE) : text;
  return { text, junk: JUNK_CHAR.test(sample) ? junkRatio(text) : 0 };
}

function utf8ToString(bytes: Uint8Array): string {
  try {
    return transcode(bytes, 'utf8', 'utf16le').toString('utf16le');
  } catch {
    // A Node built without ICU: the same conversion by hand.
    return utf8ByLoop(bytes);
  }
}

/** The conversion without ICU (exported for its test). */
export function utf8ByLoop(bytes: Uint8Array): string {
  const n = bytes.length;
  const out = new Uint16Array(n);
  let j = 0;
  for (let i = 0; i < n; ) {
    const c = bytes[i] as number;
    if (c < 0x80) {
      out[j++] = c;
      i++;
    } else if (c < 0xe0) {
      out[j++] = ((c & 0x1f) << 6) | ((bytes[i + 1] as number) & 0x3f);
      i += 2;
    } else if (c < 0xf0) {
      out[j++] = ((c & 0x0f) << 12) | (((bytes[i + 1] as number) & 0x3f) << 6) | ((bytes[i + 2] as number) & 0x3f);
      i += 3;
    } else {
      const cp = (((c & 0x07) << 18) | (((bytes[i + 1] as number) & 0x3f) << 12) | (((bytes[i + 2] as number) & 0x3f) << 6) | ((bytes[i + 3] as number) & 0x3f)) - 0x10000;
      out[j++] = 0xd800 + (cp >> 10);
      out[j++] = 0xdc00 + (cp & 0x3ff);
      i += 4;
    }
  }
  return Buffer.from(out.buffer, 0, j * 2).toString('utf16le');
}

/** Share of characters a Chinese report is made of: ASCII, CJK ideographs, CJK and full-width punctuation. */
function plausibility(text: string): number {
  const n = Math.min(text.length, 65536);
  if (n === 0) return 0;
  let good = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (
      (c >= 0x20 && c < 0x7f) || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c ||
      (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef) ||
      (c >= 0x2010 && c <= 0x2027) || c === 0xa0 || c === 0xb7 || c === 0xd7
    ) good++;
  }
  return good / n;
}

interface DecodedText {
  text: string;
  encoding: string;
  warnings: Warning[];
}

/**
 * The text of the bytes; when they decode in no encoding only because they end inside a character (a download or
 * a copy cut short), the text without that partial character, with a warning. null when they are not text.
 */
function decodeText(bytes: Uint8Array): DecodedText | null {
  const whole = decodeWhole(bytes);
  if (whole) return whole;
  // A character is at most 4 bytes in UTF-8 and GB18030, 4 in UTF-16 (a surrogate pair). The bytes left out
  // must be what the start of a character can be: non-ASCII bytes (UTF-8, GB18030), or the odd byte of UTF-16
  // text. Junk that happens to sit at the end is not cut away to make a text pass.
  const n = bytes.length;
  const utf16 = startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]) || utf16ByNulls(bytes) !== null;
  for (let k = 1; k <= 3 && k < n; k++) {
    const partial = (utf16 && k === 1 && n % 2 === 1) || bytes[n - k]! >= 0x80;
    if (!partial) break;
    const cut = decodeWhole(bytes.subarray(0, bytes.length - k));
    if (!cut) continue;
    // Only a partial character: in the encoding found, the whole bytes must be invalid, not merely junky.
    if (tryDecode(labelOf(cut.encoding), bytes) !== null) return null;
    const warning: Warning = {
      code: 'truncated-character',
      message: `the file ends inside a character: its last ${k} byte${k > 1 ? 's are' : ' is'} left out`,
      detail: { bytes: k },
    };
    return { ...cut, warnings: [...cut.warnings, warning] };
  }
  return null;
}

/** The WHATWG label of an encoding as decodeWhole names it. */
function labelOf(encoding: string): string {
  return encoding === 'utf-8-bom' ? 'utf-8' : encoding;
}

function decodeWhole(bytes: Uint8Array): DecodedText | null {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    const t = decodeUtf8Strict(bytes.subarray(3));
    if (t !== null) return { text: t.text, encoding: 'utf-8-bom', warnings: [] };
  }
  const fallback = (encoding: string, text: string): DecodedText => ({
    text,
    encoding,
    warnings: [{ code: 'encoding-fallback', message: `decoded as ${encoding}`, detail: { encoding } }],
  });
  if (startsWith(bytes, [0xff, 0xfe])) {
    const t = tryDecode('utf-16le', bytes.subarray(2));
    if (t !== null) return fallback('utf-16le', t);
  }
  if (startsWith(bytes, [0xfe, 0xff])) {
    const t = tryDecode('utf-16be', bytes.subarray(2));
    if (t !== null) return fallback('utf-16be', t);
  }
  const utf8 = decodeUtf8Strict(bytes);
  if (utf8 !== null && utf8.junk < 0.01) return { text: utf8.text, encoding: 'utf-8', warnings: [] };
  // Not UTF-8: GB18030 accepts most byte pairs (UTF-16 Chinese included), so every candidate is decoded and
  // the one that reads most like Chinese text wins.
  let best: { encoding: string; text: string; score: number } | null = null;
  const order = utf16ByNulls(bytes) === 'utf-16be' ? ['utf-16be', 'gb18030', 'utf-16le'] : ['utf-16le', 'gb18030', 'utf-16be'];
  for (const encoding of utf8 === null ? order : order.filter((e) => e !== 'gb18030')) {
    const t = tryDecode(encoding, bytes);
    if (t === null || junkRatio(t) >= 0.01) continue;
    const score = plausibility(t);
    if (!best || score > best.score) best = { encoding, text: t, score };
  }
  if (best && best.score >= 0.9) return fallback(best.encoding, best.text);
  return null;
}

/** HTML as a document (its line ends are wrapping), as a fragment inside text (its line ends are lines), or not. */
function htmlKind(text: string, fileName: string): 'document' | 'fragment' | null {
  // Plain text (the common case) has no '<' at all: skip the lower-casing and the scans of the whole text.
  if (text.indexOf('<') === -1) return null;
  const head = text.slice(0, 2048).trimStart();
  // Only the opening is lower-cased (a whole 2 KB head of Chinese text cost ~1% of a parse).
  const opening = head.slice(0, 16).toLowerCase();
  if (opening.startsWith('<!doctype html') || opening.startsWith('<html') || opening.startsWith('<?xml')) {
    return opening.startsWith('<?xml') ? (/<html[\s>]/i.test(head) ? 'document' : null) : 'document';
  }
  if (/\.x?html?$/i.test(fileName) && /<[a-z][a-z0-9]*[\s>]/i.test(head)) return 'document';
  // A fragment: table markup is what matters for a report. Text that opens with markup (<p>, <div>, <table>)
  // is a page's body, wrapped like any HTML; text that opens with text and holds a table is text with a table in it.
  if (!(/<table[\s>]/i.test(text) && /<t[dr][\s>]/i.test(text) && /<\/t[dr]>/i.test(text))) return null;
  return head.startsWith('<') ? 'document' : 'fragment';
}

/** No visible character at all; stops at the first one instead of copying the text like trim(). */
const isBlank = (text: string): boolean => !/\S/.test(text);

function looksLikeMarkdown(text: string, fileName: string): boolean {
  if (/\.(md|markdown)$/i.test(fileName)) return true;
  const head = text.slice(0, 20000);
  if (head.indexOf('#') === -1 && head.indexOf('|') === -1) return false;
  const [headings, pipes] = markdownLineCounts(head);
  if (headings >= 2) return true;
  return pipes >= 3 && /^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*\|/m.test(head);
}

/** Whitespace as the regex \s (and String.prototype.trim) sees it. */
function isRegexSpace(c: number): boolean {
  return c <= 32
    ? c === 32 || (c >= 9 && c <= 13)
    : c >= 0xa0 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff);
}

/**
 * Lines that are markdown headings (^#{1,6} \S) and pipe rows (^[ \t]*\|.*\|[ \t]*$), counted line by line: the
 * two global multiline matches cost more than the rest of decoding a report that has a # or a | somewhere.
 */
function markdownLineCounts(head: string): [number, number] {
  if (head.indexOf('\r') !== -1 || head.indexOf('\u2028') !== -1 || head.indexOf('\u2029') !== -1) {
    // Other line ends than \n: the regexes' own idea of a line.
    return [head.match(/^#{1,6} \S/gm)?.length ?? 0, head.match(/^[ \t]*\|.*\|[ \t]*$/gm)?.length ?? 0];
  }
  let headings = 0;
  let pipes = 0;
  for (let start = 0; start <= head.length; ) {
    let end = head.indexOf('\n', start);
    if (end === -1) end = head.length;
    let k = start;
    while (k < end && head.charCodeAt(k) === 0x23) k++;
    if (k > start && k - start <= 6 && head.charCodeAt(k) === 0x20 && k + 1 < end && !isRegexSpace(head.charCodeAt(k + 1))) headings++;
    let a = start;
    let b = end;
    while (a < b && (head.charCodeAt(a) === 0x20 || head.charCodeAt(a) === 0x09)) a++;
    while (b > a && (head.charCodeAt(b - 1) === 0x20 || head.charCodeAt(b - 1) === 0x09)) b--;
    if (b - a >= 2 && head.charCodeAt(a) === 0x7c && head.charCodeAt(b - 1) === 0x7c) pipes++;
    start = end + 1;
  }
  return [headings, pipes];
}

function normaliseNewlines(text: string): string {
  return text.indexOf('\r') === -1 ? text : text.replace(/\r\n?/g, '\n');
}

async function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    if (timer) clearTimeout(timer);
  }
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e)).slice(0, 300);

/** Decide what the bytes are and turn them into text whose lines the parser numbers. */
export async function decodeInput(bytes: Uint8Array, fileName: string): Promise<DecodeResult> {
  try {
    if (bytes.length === 0) return fail('empty', 'the file is empty');
    if (bytes.length > MAX_BINARY_BYTES) {
      return fail('too-large', `the file has ${bytes.length} bytes; the limit is ${MAX_BINARY_BYTES}`);
    }
    if (isPdf(bytes)) {
      try {
        const text = await withTimeout(pdfToText(bytes, EXTRACT_TIMEOUT_MS), EXTRACT_TIMEOUT_MS + 1000, 'PDF text extraction');
        if (isBlank(text)) return fail('unreadable', 'the PDF has no text layer (scanned images?)');
        return { ok: true, text: normaliseNewlines(text), format: 'pdf', encoding: 'binary', warnings: [] };
      } catch (e) {
        return fail('unreadable', `the PDF could not be read: ${message(e)}`);
      }
    }
    if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
      if (!containsAscii(bytes, 'word/document.xml')) {
        return fail('unreadable', 'a ZIP archive that is not a Word (.docx) document');
      }
      try {
        const text = await withTimeout(docxToText(bytes), EXTRACT_TIMEOUT_MS, 'DOCX conversion');
        if (isBlank(text)) return fail('empty', 'the Word document has no text');
        return { ok: true, text: normaliseNewlines(text), format: 'docx', encoding: 'binary', warnings: [] };
      } catch (e) {
        return fail('unreadable', `the Word document could not be read: ${message(e)}`);
      }
    }
    if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
      return fail('unreadable', 'a legacy binary Office file (.doc/.xls); save it as .docx or PDF');
    }
    if (bytes.length > MAX_TEXT_BYTES) {
      return fail('too-large', `a text of ${bytes.length} bytes; the limit for text input is ${MAX_TEXT_BYTES}`);
    }
    const decoded = decodeText(bytes);
    if (!decoded) return fail('binary', 'the bytes are not text in UTF-8, UTF-16 or GB18030');
    const text = normaliseNewlines(decoded.text.charCodeAt(0) === 0xfeff ? decoded.text.slice(1) : decoded.text);
    if (isBlank(text)) return fail('empty', 'the file holds only whitespace');
    const html = htmlKind(text, fileName);
    if (html) {
      const lines = htmlToText(text, { keepLineBreaks: html === 'fragment' });
      return { ok: true, text: lines, format: 'html', encoding: decoded.encoding, warnings: decoded.warnings };
    }
    const format: InputFormat = looksLikeMarkdown(text, fileName) ? 'markdown' : 'text';
    return { ok: true, text, format, encoding: decoded.encoding, warnings: decoded.warnings };
  } catch (e) {
    return fail('internal', `decoding failed: ${message(e)}`);
  }
}
