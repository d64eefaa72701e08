/**
 * Nastier variants of the synthetic layouts, each a damage real reports show (spec "What real texts look like"),
 * applied to generated text so the ground truth still holds (or is adjusted where the damage removes figures).
 */
import type { Layout, SyntheticReport } from '@/lib/synthetic';
import type { Expectation } from './synthetic-compare';

export interface Variant {
  name: string;
  layout: Layout;
  /** The damaged report, or null when this report has nothing the damage applies to. */
  apply: (r: SyntheticReport) => Pick<SyntheticReport, 'text' | 'bytes' | 'fileName'> | null;
  expect?: Expectation;
}

const utf8 = new TextEncoder();
const withText = (r: SyntheticReport, text: string) => ({ text, bytes: utf8.encode(text), fileName: r.fileName });

/** Lines of table 3 (from its heading to table 4's). */
function t3Range(lines: string[]): [number, number] {
  const a = lines.findIndex((l) => l.includes('三、收到和处理政府信息公开申请情况'));
  const b = lines.findIndex((l, i) => i > a && l.includes('四、政府信息公开行政复议'));
  return [a, b];
}

function mapTable3(r: SyntheticReport, f: (lines: string[], from: number, to: number) => string[] | null) {
  const lines = r.text.split('\n');
  const [a, b] = t3Range(lines);
  if (a < 0 || b < 0) return null;
  const out = f(lines, a, b);
  return out ? withText(r, out.join('\n')) : null;
}

let gbkTable: Map<number, number[]> | null = null;
/** A GBK encoder built by inverting the platform's GBK decoder (no encoder ships with Node). */
function encodeGbk(text: string): Uint8Array {
  if (!gbkTable) {
    gbkTable = new Map();
    const dec = new TextDecoder('gbk');
    for (let hi = 0x81; hi <= 0xfe; hi++) {
      for (let lo = 0x40; lo <= 0xfe; lo++) {
        if (lo === 0x7f) continue;
        const ch = dec.decode(new Uint8Array([hi, lo]));
        if (ch.length === 1 && ch !== '\ufffd' && !gbkTable.has(ch.charCodeAt(0))) gbkTable.set(ch.charCodeAt(0), [hi, lo]);
      }
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if (c < 0x80) out.push(c);
    else out.push(...(gbkTable.get(c) ?? [0x3f]));
  }
  return new Uint8Array(out);
}

/** Rows (by label start) whose numbers move to the line above the label. */
function numbersAbove(r: SyntheticReport, starts: string[]) {
  return mapTable3(r, (lines, a, b) => {
    const out = lines.slice(0, a);
    let moved = 0;
    for (const l of lines.slice(a, b)) {
      const m = starts.some((s) => l.startsWith(s)) ? /^(\S+?)(  +\d.*)$/.exec(l) : null;
      if (m) {
        out.push(`          ${(m[2] ?? '').trim()}`, m[1] ?? '');
        moved++;
      } else out.push(l);
    }
    return moved === starts.length ? [...out, ...lines.slice(b)] : null;
  });
}

const FULL_DIGITS = '０１２３４５６７８９';

export const VARIANTS: Variant[] = [
  {
    name: 'ocr-split-repeated-headers',
    layout: 'markdown',
    // The markdown table cut in two after the 不予公开 group, the second piece repeating the header rows.
    apply: (r) =>
      mapTable3(r, (lines, a, b) => {
        const first = lines.findIndex((l, i) => i > a && l.startsWith('|'));
        const cut = lines.findIndex((l, i) => i > a && i < b && l.includes('（四）无法提供'));
        if (first < 0 || cut < 0) return null;
        const header = lines.slice(first, first + 4);
        return [...lines.slice(0, cut), '', '第 3 页', '', ...header, ...lines.slice(cut)];
      }),
  },
  {
    name: 'cells-blank-lines-between',
    layout: 'cells-per-line',
    apply: (r) => mapTable3(r, (lines, a, b) => [...lines.slice(0, a), ...lines.slice(a, b).flatMap((l) => [l, '']), ...lines.slice(b)]),
  },
  {
    name: 'pdf-wrapped-label-numbers-below',
    layout: 'pdf',
    // Long labels wrap: the first half alone on a line, the rest with the numbers on the next.
    apply: (r) =>
      mapTable3(r, (lines, a, b) => {
        const out = lines.slice(0, a);
        for (const l of lines.slice(a, b)) {
          const m = /^(.{12,}?)(  +\d.*)$/.exec(l);
          const label = m?.[1] ?? '';
          if (m && label.length > 16 && !label.includes('  ')) {
            const half = Math.floor(label.length / 2);
            out.push(label.slice(0, half), `${label.slice(half)}${m[2] ?? ''}`);
          } else out.push(l);
        }
        return [...out, ...lines.slice(b)];
      }),
  },
  {
    name: 'pdf-numbers-above-label',
    layout: 'pdf',
    // One row's numbers printed on the line above its label (a tall label cell, numbers centred vertically).
    apply: (r) =>
      mapTable3(r, (lines, a, b) => {
        const i = lines.findIndex((l, k) => k > a && k < b && l.startsWith('（二）部分公开'));
        const m = i >= 0 ? /^(\S+?)(  +\d.*)$/.exec(lines[i] ?? '') : null;
        if (!m) return null;
        return [...lines.slice(0, i), `          ${(m[2] ?? '').trim()}`, m[1] ?? '', ...lines.slice(i + 1)];
      }),
  },
  {
    name: 'pdf-numbers-above-first-row',
    layout: 'pdf',
    // The first row's numbers above its label, right under the stacked column headers.
    apply: (r) => numbersAbove(r, ['一、本年新收']),
  },
  {
    name: 'pdf-numbers-above-several',
    layout: 'pdf',
    apply: (r) => numbersAbove(r, ['（二）部分公开', '2.没有现成信息', '四、结转下年度']),
  },
  {
    name: 'pdf-table4-row-wrapped',
    layout: 'pdf',
    // The fifteen review numbers wrapped after the tenth onto a second line.
    apply: (r) => {
      const lines = r.text.split('\n');
      const a = lines.findIndex((l) => l.includes('四、政府信息公开行政复议'));
      const i = lines.findIndex((l, k) => k > a && /^\d+(\s+\d+){14}\s*$/.test(l));
      if (a < 0 || i < 0) return null;
      const nums = (lines[i] ?? '').trim().split(/\s+/);
      return withText(r, [...lines.slice(0, i), nums.slice(0, 10).join('      '), `      ${nums.slice(10).join('      ')}`, ...lines.slice(i + 1)].join('\n'));
    },
  },
  {
    name: 'thousands-separators',
    layout: 'tabs',
    apply: (r) => {
      const text = r.text.replace(/(?<=\t)(\d{1,3})(\d{3})(?=\t|\n)/g, '$1,$2');
      return text === r.text ? null : withText(r, text);
    },
  },
  {
    name: 'table3-2021-group-total-printed',
    layout: 'tabs',
    // A 2021 report that prints （六）其他处理 as its own row (the sum) above the three sub-rows.
    apply: (r) => {
      if (r.truth.template !== '2021') return null;
      const sub = ['otherOverdueCorrection', 'otherUnpaidFee', 'otherReasons'] as const;
      const cols = ['naturalPerson', 'commercialEnterprise', 'researchInstitution', 'publicInterestOrg', 'legalServiceOrg', 'otherOrg', 'total'] as const;
      const sums = cols.map((c) => sub.reduce((s, k) => s + (r.truth.applications[k]?.[c] ?? 0), 0));
      const lines = r.text.split('\n');
      const i = lines.findIndex((l) => l.startsWith('（六）其他处理\t1.'));
      if (i < 0) return null;
      return withText(r, [...lines.slice(0, i), `（六）其他处理\t\t${sums.join('\t')}`, (lines[i] ?? '').replace('（六）其他处理', ''), ...lines.slice(i + 1)].join('\n'));
    },
  },
  {
    name: 'pdf-page-break-repeats-header',
    layout: 'pdf',
    // A page break inside table 3 that repeats the running header and the stacked column headers.
    apply: (r) =>
      mapTable3(r, (lines, a, b) => {
        const cut = lines.findIndex((l, i) => i > a && i < b && l.startsWith('（四）无法提供'));
        const h = lines.findIndex((l, i) => i > a && l.startsWith('自然人'));
        if (cut < 0 || h < 0) return null;
        const header = lines.slice(h, h + 6);
        return [...lines.slice(0, cut), '- 7 -', '\f', lines[0] ?? '', '申请人情况', ...header, ...lines.slice(cut)];
      }),
  },
  {
    name: 'fullwidth-digits-mixed-brackets',
    layout: 'tabs',
    apply: (r) =>
      mapTable3(r, (lines, a, b) => [
        ...lines.slice(0, a),
        ...lines.slice(a, b).map((l, k) =>
          l
            .replace(/(^|\t)(\d)\./g, (_, p: string, d: string) => `${p}${FULL_DIGITS[Number(d)]}${k % 2 ? '．' : '.'}`)
            .replace(/（([一二三四五六七])）/g, (_, n: string) => (k % 3 === 0 ? `(${n})` : k % 3 === 1 ? `(${n}）` : `（${n})`)),
        ),
        ...lines.slice(b),
      ]),
  },
  {
    name: 'social-org-short-name',
    layout: 'tabs',
    apply: (r) => withText(r, r.text.replace('社会公益组织', '社会组织')),
  },
  {
    name: 'table1-no-block-headers',
    layout: 'tabs',
    apply: (r) => withText(r, r.text.split('\n').filter((l) => !l.startsWith('第二十条')).join('\n')),
  },
  {
    name: 'template-2019-cites-2021-notice',
    layout: 'tabs',
    apply: (r) => (r.truth.template === '2019' ? withText(r, r.text.replace('国办公开办函〔2019〕60号', '国办公开办函〔2021〕30号')) : null),
    expect: { warnings: ['template-mismatch'] },
  },
  {
    name: 'gbk-html-meta-charset',
    layout: 'html',
    apply: (r) => {
      const text = r.text.replace('<meta charset="utf-8">', '<meta charset=gbk>');
      return { text, bytes: encodeGbk(text), fileName: r.fileName };
    },
  },
  {
    name: 'no-title-signature-only',
    layout: 'tabs',
    apply: (r) => withText(r, r.text.split('\n').slice(1).join('\n')),
  },
  {
    name: 'pdf-running-header-once',
    layout: 'pdf',
    // Only one page break inside the tables: its running header appears once there, a page number with it.
    apply: (r) => {
      const lines = r.text.split('\n');
      const title = lines[0] ?? '';
      let seen = 0;
      const out = lines.filter((l, i) => {
        if (i === 0 || l !== title) return true;
        return seen++ === 0;
      });
      return withText(r, out.join('\n'));
    },
  },
  {
    name: 'table3-first-row-missing',
    layout: 'tabs',
    // The 一、本年新收… row lost entirely (a page cut at the table's top).
    apply: (r) => withText(r, r.text.split('\n').filter((l) => !l.startsWith('一、本年新收')).join('\n')),
    expect: {
      adjust: (e) => {
        for (const k of Object.keys(e)) if (k.startsWith('applications.newReceived.')) e[k] = null;
      },
      warnings: ['row-missing'],
    },
  },
  {
    name: 'table3-first-label-line-missing',
    layout: 'cells-per-line',
    // One cell per line: only the label cell of 一、本年新收… lost, its numbers still there.
    apply: (r) => withText(r, r.text.split('\n').filter((l) => !l.includes('一、本年新收')).join('\n')),
  },
];
