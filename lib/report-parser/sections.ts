/**
 * The six parts of a report, found by their headings (一、总体情况 … 六、其他需要报告的事项).
 * A heading needs both its numeral and a keyword of its part, so table-3 row labels such as
 * 三、本年度办理结果 or 四、结转下年度继续办理 are never taken for one.
 */

export type SectionNumber = 1 | 2 | 3 | 4 | 5 | 6;

/** 0-based index of each heading line that was found. */
export type SectionStarts = Partial<Record<SectionNumber, number>>;

const HEADING = /^[\s#*>]*([一二三四五六])\s*[、.．，,]\s*(.{0,40})$/;

const KEYWORDS: Record<SectionNumber, RegExp> = {
  1: /总体情况|总体概况|概述/,
  2: /主动公开/,
  3: /收到和处理|依申请/,
  4: /行政复议|行政诉讼/,
  5: /存在的?主要问题|存在的?问题|改进情况/,
  6: /其他需要报告|其它需要报告|其他事项|其他需报告/,
};

const NUMERALS: Record<string, SectionNumber> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6 };

/** Cheap pre-check before the heading regex: after blanks and markdown marks comes 一…六. */
function startsWithNumeral(line: string): boolean {
  // Char codes, not one-character strings and an object lookup: this runs on every short line of every report.
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x23 || c === 0x2a || c === 0x3e || c === 0x3000) continue;
    // 一 二 三 四 五 六
    return c === 0x4e00 || c === 0x4e8c || c === 0x4e09 || c === 0x56db || c === 0x4e94 || c === 0x516d;
  }
  return false;
}

/** Find the heading lines. When a heading repeats (a table of contents), the last one wins. */
export function findSections(lines: readonly string[]): SectionStarts {
  const starts: SectionStarts = {};
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.length > 60 || !startsWithNumeral(line)) continue;
    const m = HEADING.exec(line);
    if (!m) continue;
    const n = NUMERALS[m[1]!]!;
    if (!KEYWORDS[n].test(m[2]!)) continue;
    starts[n] = i;
  }
  return starts;
}

/** [start, end) line range of the body of part `n` (without its heading). */
export function sectionRange(starts: SectionStarts, n: SectionNumber, lineCount: number): [number, number] | null {
  const start = starts[n];
  if (start === undefined) return null;
  let end = lineCount;
  // The six parts by number, not Object.entries: this runs for every part of every report.
  for (let k = 1; k <= 6; k++) {
    const v = starts[k as SectionNumber];
    if (k !== n && v !== undefined && v > start && v < end) end = v;
  }
  return [start + 1, end];
}
