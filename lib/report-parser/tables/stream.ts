/**
 * Rows of a table region as a stream: each row is the label text gathered since the previous row's numbers, plus
 * the numbers that follow it. This one reading covers one-cell-per-line, tab, pipe, markdown and PDF text alike.
 */
import { compactText } from '../normalize';
import { lineTokens, type NumToken, type Token } from './cells';

export interface StreamRow {
  /** Label text with whitespace removed, in matching form, leading fragments of earlier rows cut off. */
  label: string;
  /** The label as gathered, before cutting (for template detection and messages). */
  fullLabel: string;
  /** 1-based line where the label starts (or of the first number when there is no label). */
  line: number;
  nums: NumToken[];
}

// A row-start marker: （三） / 三、 / 1. / 1、 — labels are cut at the last one so that fragments of earlier rows
// (continuations of wrapped labels, group headers printed between sub-rows) do not pollute the match.
const MARKER = /\([一二三四五六七八九十]\)|[一二三四五六七八九十][、.]|\d{1,2}[.、](?!\d)|\(\d{1,2}\)|[①-⑳]/g;

// The |---|:---:| line under a markdown table header: no cells.
const MARKDOWN_RULE = /^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*(?::?-{3,}:?\s*)?$/;

function isBlank(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 12 && c !== 13) return false;
  }
  return true;
}

/** Index in `key` where the row's own label starts: the last row-start marker (0 when none). */
export function lastMarkerIndex(key: string): number {
  MARKER.lastIndex = 0;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = MARKER.exec(key)) !== null) last = m.index;
  return last;
}

/** Remove the numbering marker(s) at the start of a cut label. */
export function stripMarkers(key: string): string {
  return key.replace(/^(?:\([一二三四五六七八九十]\)|[一二三四五六七八九十][、.]|\d{1,2}[.、](?!\d)|\(\d{1,2}\)|[①-⑳])+/, '');
}

/**
 * Build the row stream over lines [from, to) (0-based indexes into `lines`, matching form). Lines flagged in
 * `skip` (page furniture) are ignored.
 */
export function streamRows(lines: readonly string[], from: number, to: number, skip: Uint8Array): StreamRow[] {
  const rows: StreamRow[] = [];
  const tokens: Token[] = [];
  let key = '';
  // Start offset in `key` of each line's text, to give the cut label the line it starts on.
  const segStart: number[] = [];
  const segLine: number[] = [];
  let nums: NumToken[] = [];
  const flush = (): void => {
    if (nums.length > 0) {
      const cut = lastMarkerIndex(key);
      let line = nums[0]?.line ?? 0;
      for (let s = segStart.length - 1; s >= 0; s--) {
        if ((segStart[s] ?? 0) <= cut) {
          line = segLine[s] ?? line;
          break;
        }
      }
      rows.push({ label: key.slice(cut), fullLabel: key, line, nums });
    }
    key = '';
    segStart.length = 0;
    segLine.length = 0;
    nums = [];
  };
  for (let i = from; i < to; i++) {
    if (skip[i] === 1) continue;
    const line = lines[i] ?? '';
    if (isBlank(line) || (line.indexOf('---') !== -1 && MARKDOWN_RULE.test(line))) continue;
    tokens.length = 0;
    lineTokens(line, i + 1, tokens);
    for (const t of tokens) {
      if (t.kind === 'text') {
        if (nums.length > 0) flush();
        const piece = compactText(t.text);
        if (piece === '') continue;
        if (segLine[segLine.length - 1] !== t.line) {
          segStart.push(key.length);
          segLine.push(t.line);
        }
        key += piece;
      } else {
        nums.push(t);
      }
    }
  }
  flush();
  return rows;
}
