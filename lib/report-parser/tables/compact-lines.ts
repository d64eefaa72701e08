/**
 * The lines of a report as the section finder reads them: compacted on demand, and searched through the whole
 * text for the lines that hold a character instead of line by line.
 */
import { compactText as compactTextImport } from '../normalize';

// Bound once: run through tsx (CommonJS), each use of an imported name is a getter call on the other module's
// exports, and this runs per line.
const compactText = compactTextImport;

/**
 * Lines without whitespace or quotes, computed on first use: only the lines near the tables and the lines that
 * hold a heading's characters are ever compacted, not the whole narrative.
 */
export class CompactLines {
  private readonly memo: (string | undefined)[];
  /** Offset in the text of each line's start (one more entry: the end), computed on first use. */
  private starts: Int32Array | null = null;
  /** `text` must be the lines joined by '\n' (what they were split from); without it they are joined on first use. */
  constructor(
    private readonly lines: readonly string[],
    private text?: string,
  ) {
    this.memo = new Array<string | undefined>(lines.length);
  }
  get length(): number {
    return this.lines.length;
  }
  at(i: number): string {
    let c = this.memo[i];
    if (c === undefined) {
      c = compactText(this.lines[i] ?? '');
      this.memo[i] = c;
    }
    return c;
  }
  /**
   * The first line at or after `from` that holds `ch` (one UTF-16 unit, not a newline), or `length` when none: one
   * search of the whole text instead of one per line (the headings are a few lines among hundreds).
   */
  next(from: number, ch: string): number {
    const n = this.lines.length;
    if (from >= n) return n;
    const starts = this.lineStarts();
    const pos = (this.text as string).indexOf(ch, starts[Math.max(0, from)]);
    return pos === -1 ? n : this.lineOf(pos);
  }
  /**
   * Sets `bit` in flags[i] for each line i in [from, to) that holds `needle` (a string without a newline, or a
   * global regex matching single characters other than a newline).
   */
  mark(needle: string | RegExp, from: number, to: number, flags: Uint8Array, bit: number): void {
    const n = this.lines.length;
    if (from >= n || to <= from) return;
    const starts = this.lineStarts();
    const text = this.text as string;
    const end = starts[Math.min(to, n)] ?? text.length;
    // The regex scans only up to the range's end (a slice shares the text's characters).
    const subject = typeof needle === 'string' ? text : text.slice(0, end);
    const find = (at: number): number => {
      if (typeof needle === 'string') return text.indexOf(needle, at);
      needle.lastIndex = at;
      return needle.exec(subject)?.index ?? -1;
    };
    for (let pos = find(starts[Math.max(0, from)] ?? 0); pos !== -1 && pos < end; ) {
      const line = this.lineOf(pos);
      flags[line] = (flags[line] ?? 0) | bit;
      pos = find(starts[line + 1] ?? text.length);
    }
  }
  /** Whether any line holds `needle` (one search of the whole text). */
  has(needle: string): boolean {
    this.lineStarts();
    return (this.text as string).indexOf(needle) !== -1;
  }
  /** The last line at or before `from` that holds `ch`, or -1 when none. */
  prev(from: number, ch: string): number {
    if (from < 0) return -1;
    const starts = this.lineStarts();
    const last = Math.min(from, this.lines.length - 1);
    // The line's last character; for an empty line the newline before it, which is never `ch`.
    const end = (starts[last] ?? 0) + (this.lines[last] ?? '').length - 1;
    if (end < 0) return -1;
    const pos = (this.text as string).lastIndexOf(ch, end);
    return pos === -1 ? -1 : this.lineOf(pos);
  }
  private lineStarts(): Int32Array {
    if (this.starts) return this.starts;
    const n = this.lines.length;
    const starts = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) starts[i + 1] = (starts[i] ?? 0) + (this.lines[i] ?? '').length + 1;
    this.text ??= this.lines.join('\n');
    this.starts = starts;
    return starts;
  }
  /** The line holding text offset `pos`. */
  private lineOf(pos: number): number {
    const starts = this.starts as Int32Array;
    let lo = 0;
    let hi = this.lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}
