import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeInput, MAX_TEXT_BYTES } from '../../lib/report-parser/decode';
import { htmlToText } from '../../lib/report-parser/html';
import { parseReport } from '../../lib/report-parser/index';
import { buildDocx } from './fixtures/inputs/docx';
import { encodeGb18030, encodeUtf16, randomBytes, utf8 } from './fixtures/inputs/encodings';

const SEEDS = path.resolve(__dirname, '../../../shared/seeds');
const seed = (name: string): string => readFileSync(path.join(SEEDS, name), 'utf8');
const SEED0 = seed('000_d0c4e47c7a6f8a9c.txt');
const SEED4 = seed('004_6edcfa7a7c2249f1.txt');

describe('decodeInput: text encodings', () => {
  const variants: [string, Uint8Array, string, boolean][] = [
    ['utf-8', utf8(SEED0), 'utf-8', false],
    ['utf-8 with BOM', utf8(SEED0, true), 'utf-8-bom', false],
    ['utf-16le with BOM', encodeUtf16(SEED0, 'le', true), 'utf-16le', true],
    ['utf-16be with BOM', encodeUtf16(SEED0, 'be', true), 'utf-16be', true],
    ['utf-16le without BOM', encodeUtf16(SEED0, 'le', false), 'utf-16le', true],
    ['gb18030', encodeGb18030(SEED0), 'gb18030', true],
  ];
  for (const [label, bytes, encoding, fallback] of variants) {
    it(`decodes ${label} to the same text`, async () => {
      const r = await decodeInput(bytes, 'seed.txt');
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.encoding).toBe(encoding);
      expect(r.text).toBe(SEED0);
      expect(r.format).toBe('text');
      expect(r.warnings.some((w) => w.code === 'encoding-fallback')).toBe(fallback);
    });
  }

  it('normalises CRLF line ends without changing the line count', async () => {
    const r = await decodeInput(utf8(SEED4.replace(/\n/g, '\r\n')), 'x.txt');
    expect(r.ok && r.text).toBe(SEED4);
  });

  it('every encoding of a seed gives the same parsed report', async () => {
    const base = await parseReport(utf8(SEED4), { fileName: '004.txt' });
    expect(base.ok).toBe(true);
    for (const bytes of [encodeGb18030(SEED4), encodeUtf16(SEED4, 'be', true), utf8(SEED4, true)]) {
      const r = await parseReport(bytes, { fileName: '004.txt' });
      expect(r.ok).toBe(true);
      if (r.ok && base.ok) {
        expect(r.report.agencyName).toBe('芗城区人民政府');
        const noFallback = (w: { code: string }[]) => w.filter((x) => x.code !== 'encoding-fallback');
        expect({ ...r.report, warnings: noFallback(r.report.warnings) }).toEqual({
          ...base.report,
          warnings: noFallback(base.report.warnings),
        });
      }
    }
  });
});

describe('decodeInput: kind from content', () => {
  it('treats markup as HTML whatever the extension', async () => {
    const html = '<html><body><p>标题</p><table><tr><td>a</td><td>1</td></tr></table></body></html>';
    const r = await decodeInput(utf8(html), 'report.txt');
    expect(r.ok && r.format).toBe('html');
    expect(r.ok && r.text).toBe('标题\na\t1\n');
  });

  it('text with one table as HTML markup: the table read from the markup, the text around it keeps its lines', async () => {
    const lines = SEED4.split('\n');
    const from = lines.findIndex((l) => l.startsWith('三、收到和处理'));
    const to = lines.findIndex((l) => l.startsWith('四、政府信息公开行政复议'));
    expect(from).toBeGreaterThan(0);
    expect(to).toBeGreaterThan(from);
    const cells = (l: string) => l.split('|').map((c) => c.trim());
    const table = [
      '<table border="1">',
      ...lines.slice(from + 1, to).filter((l) => l.includes('|')).map((l) => `<tr>${cells(l).map((c) => `<td>${c}</td>`).join('')}</tr>`),
      '</table>',
    ];
    const mixed = [...lines.slice(0, from + 1), ...table, ...lines.slice(to)].join('\n');
    const [plain, html] = await Promise.all([
      parseReport(utf8(SEED4), { fileName: 'seed.txt' }),
      parseReport(utf8(mixed), { fileName: 'mixed.txt' }),
    ]);
    expect(plain.ok && html.ok).toBe(true);
    if (!plain.ok || !html.ok) return;
    expect(html.format).toBe('html');
    expect(html.report.applications).toEqual(plain.report.applications);
    expect(html.report.proactive).toEqual(plain.report.proactive);
    expect(html.report.reviews).toEqual(plain.report.reviews);
    expect(html.report.publishedOn).toBe(plain.report.publishedOn);
    // A page body that opens with markup is HTML throughout: its line ends are wrapping.
    const page = await decodeInput(utf8('<p>第一行\n接着写</p><table><tr><td>a</td><td>1</td></tr></table>'), 'x.txt');
    expect(page.ok && page.text).toBe('第一行 接着写\na\t1\n');
  });

  it('a numbered row printed with every cell blank is a row: its values null, or forced by the identities', async () => {
    const row = SEED4.split('\n').find((l) => l.startsWith('4.保护第三方合法权益'));
    expect(row).toBeDefined();
    const blank = SEED4.replace(row!, '4.保护第三方合法权益 | | | | | | | |');
    const [plain, r] = await Promise.all([parseReport(utf8(SEED4), { fileName: 'a.txt' }), parseReport(utf8(blank), { fileName: 'b.txt' })]);
    expect(plain.ok && r.ok).toBe(true);
    if (!plain.ok || !r.ok) return;
    // Every column sum of the 不予公开 rows and the balance force this row's cells back to the printed values.
    expect(r.report.applications).toEqual(plain.report.applications);
    const inferred = r.report.warnings.filter((w) => w.code === 'value-inferred' && w.row === 'deniedThirdPartyRights');
    expect(inferred).toHaveLength(7);
    expect(r.report.warnings.some((w) => w.code === 'row-missing')).toBe(false);
  });

  it('recognises markdown headings', async () => {
    const r = await decodeInput(utf8(seed('003_61b7d9ecb39ad7a8.txt')), '003.txt');
    expect(r.ok && r.format).toBe('markdown');
  });

  it('reads a DOCX by its zip content even when named .txt, merged cells on the grid', async () => {
    const bytes = await buildDocx([
      '鲤城区2022年政府信息公开工作年度报告',
      '三、收到和处理政府信息公开申请情况',
      [
        [{ text: '三、本年度办理结果', vMerge: 'restart' }, { text: '（一）予以公开', gridSpan: 2 }, { text: '11' }, { text: '0' }],
        [{ text: '', vMerge: 'continue' }, { text: '（三）不予公开' }, { text: '1.属于国家秘密' }, { text: '0' }, { text: '' }],
      ],
      '六、其他需要报告的事项',
      '收取的信息公开处理费为0元。',
    ]);
    const r = await decodeInput(bytes, 'report.txt');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.format).toBe('docx');
    const lines = r.text.split('\n');
    expect(lines).toContain('三、本年度办理结果\t（一）予以公开\t\t11\t0');
    expect(lines).toContain('\t（三）不予公开\t1.属于国家秘密\t0\t');
    expect(lines).toContain('收取的信息公开处理费为0元。');
  });
});

describe('htmlToText', () => {
  const text = htmlToText(readFileSync(path.join(__dirname, 'fixtures/inputs/spans.html'), 'utf8'));
  const lines = text.split('\n');

  it('drops script, style and head, decodes entities and &nbsp;', () => {
    expect(text).not.toContain('不应出现');
    expect(text).not.toContain('border');
    expect(lines).toContain('本报告 依据《条例》编制&发布。');
  });

  it('expands rowspan/colspan so numbers keep their columns; blank cells stay empty', () => {
    expect(lines).toContain('一、本年新收政府信息公开申请数量\t\t\t49\t1\t\t0\t\t0\t50');
    expect(lines).toContain('三、本年度办理结果\t（一）予以公开\t\t11\t0\t0\t0\t0\t0\t11');
    // Row under a rowspan: the covered first column is empty, <br> inside a cell is a space.
    expect(lines).toContain('\t（三）不予公开\t1.属于 国家秘密\t0\t0\t0\t0\t0\t0\t0');
    expect(lines).toContain('\t\t\t自然人\t法人或其他组织\t\t\t\t\t总计');
  });

  it('keeps every row on one line with the same number of cells, but for the columns a last cell spans', () => {
    const rows = lines.filter((l) => l.includes('\t'));
    expect(rows).toHaveLength(6);
    for (const r of rows.slice(1)) expect(r.split('\t')).toHaveLength(10);
    // 申请人情况 spans the last seven columns: one cell, no six blanks after it.
    expect(rows[0]).toBe('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t\t\t申请人情况');
  });

  it('a blank cell before a last cell that spans two columns stays blank (the printed number keeps its column)', () => {
    const out = htmlToText('<table><tr><td>政府集中采购</td><td>&nbsp;</td><td colspan="2">0元</td></tr><tr><td>政府集中采购</td><td>3</td><td colspan="2"></td></tr></table>');
    expect(out).toBe('政府集中采购\t\t0元\n政府集中采购\t3\t\n');
  });

  it('survives markup nested 50,000 deep (no call-stack overflow)', () => {
    const n = 50_000;
    const out = htmlToText(`<body>${'<div>'.repeat(n)}正文${'</div>'.repeat(n)}<table><tr><td>a</td><td>1</td></tr></table></body>`);
    expect(out).toBe('正文\na\t1\n');
  });

  it('caps hostile spans instead of allocating a huge grid', () => {
    const t0 = performance.now();
    const out = htmlToText('<table><tr><td rowspan="65534" colspan="65534">x</td><td>1</td></tr><tr><td>2</td></tr></table>');
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(out.startsWith('x')).toBe(true);
  });
});

describe('bad input', () => {
  const quick = async (bytes: Uint8Array, name = 'f.txt') => {
    const t0 = performance.now();
    const r = await decodeInput(bytes, name);
    return { r, ms: performance.now() - t0 };
  };

  it('empty and whitespace-only files', async () => {
    expect((await quick(new Uint8Array())).r).toMatchObject({ ok: false, error: { code: 'empty' } });
    expect((await quick(utf8(' \n\t\n'))).r).toMatchObject({ ok: false, error: { code: 'empty' } });
  });

  it('random bytes are binary', async () => {
    for (const s of [1, 2, 3, 42]) {
      const { r } = await quick(randomBytes(4096, s));
      expect(r).toMatchObject({ ok: false, error: { code: 'binary' } });
    }
  });

  it('a 20 MB text is refused quickly as too-large', async () => {
    const big = utf8(SEED0.repeat(Math.ceil((20 * 1024 * 1024) / SEED0.length / 3)));
    expect(big.length).toBeGreaterThan(MAX_TEXT_BYTES);
    const { r, ms } = await quick(big);
    expect(r).toMatchObject({ ok: false, error: { code: 'too-large' } });
    expect(ms).toBeLessThan(1000);
  });

  it('corrupt PDF, non-Word zip and legacy .doc are unreadable', async () => {
    const pdf = await quick(utf8('%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage'), 'x.pdf');
    expect(pdf.r).toMatchObject({ ok: false, error: { code: 'unreadable' } });
    expect(pdf.ms).toBeLessThan(21_000);
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...utf8('not/a/word/file.xml')]);
    expect((await quick(zip, 'x.docx')).r).toMatchObject({ ok: false, error: { code: 'unreadable' } });
    const broken = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...utf8('word/document.xml'), ...randomBytes(200, 7)]);
    expect((await quick(broken, 'x.docx')).r).toMatchObject({ ok: false, error: { code: 'unreadable' } });
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect((await quick(ole, 'x.doc')).r).toMatchObject({ ok: false, error: { code: 'unreadable' } });
  });

  it('bytes cut inside a character after the tables: the report, without the partial character, with a warning', async () => {
    const cutAt = SEED4.indexOf('五、');
    expect(cutAt).toBeGreaterThan(0);
    for (const [name, bytes] of [['utf-8', utf8(SEED4)], ['gb18030', encodeGb18030(SEED4)]] as const) {
      // The first byte of a character in section 五 that takes more than one byte in this encoding.
      const prefix = name === 'utf-8' ? utf8(SEED4.slice(0, cutAt + 2)) : encodeGb18030(SEED4.slice(0, cutAt + 2));
      const cut = bytes.subarray(0, prefix.length + 1);
      expect(cut[cut.length - 1]).toBeGreaterThanOrEqual(0x80);
      const r = await parseReport(cut, { fileName: `cut-${name}.txt` });
      expect(r.ok, name).toBe(true);
      if (!r.ok) continue;
      expect(r.report.warnings.map((w) => w.code)).toContain('truncated-character');
      expect(r.report.applications.totalHandled?.total).toBeTypeOf('number');
      expect(r.text.endsWith(SEED4.slice(cutAt, cutAt + 2))).toBe(true);
    }
    // Cut inside a character within table 3: not a report any more, and said so as truncated (not binary).
    expect(SEED4.indexOf('(三)不予公开')).toBeGreaterThan(0);
    const inTable = utf8(SEED4).subarray(0, utf8(SEED4.slice(0, SEED4.indexOf('(三)不予公开'))).length + 1);
    expect(await parseReport(inTable, { fileName: 'cut.txt' })).toMatchObject({ ok: false, error: { code: 'truncated' } });
  });

  it('a text that ends inside table 3 is truncated; one that only lacks table 4 and its closing rows is not', async () => {
    const cut = SEED4.slice(0, SEED4.indexOf('(三)不予公开'));
    expect(await parseReport(utf8(cut), { fileName: 'cut.txt' })).toMatchObject({ ok: false, error: { code: 'truncated' } });
    // The same rows, then the report goes on with part 五: rows missing, not a cut file.
    const t4 = SEED4.indexOf('四、政府信息公开行政复议');
    const five = SEED4.indexOf('五、存在的主要问题');
    expect(t4).toBeGreaterThan(0);
    const gap = `${cut}${SEED4.slice(five)}`;
    const r = await parseReport(utf8(gap), { fileName: 'gap.txt' });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.report.warnings.filter((w) => w.code === 'row-missing').map((w) => w.row)).toContain('carriedForward');
  });

  it('through the whole parser: truncated before table 3, not a report', async () => {
    const cut = SEED0.slice(0, SEED0.indexOf('三、收到和处理'));
    const truncated = await parseReport(utf8(cut), { fileName: 'cut.txt' });
    expect(truncated).toMatchObject({ ok: false, error: { code: 'truncated' } });
    const prose = await parseReport(utf8('今天天气很好。\n我们去公园散步，看见很多花。\n'), { fileName: 'p.txt' });
    expect(prose).toMatchObject({ ok: false, error: { code: 'not-a-report' } });
    // About disclosure, but not a report: a disclosure guide, and a portal page listing many reports' titles.
    const guide = '甲县人民政府政府信息公开指南\n一、主动公开\n（一）公开范围\n本机关主动公开政府信息。\n二、依申请公开\n申请人可以提出政府信息公开申请。\n';
    expect(await parseReport(utf8(guide), { fileName: 'g.txt' })).toMatchObject({ ok: false, error: { code: 'not-a-report' } });
    const listing = [2019, 2020, 2021, 2022, 2023].map((y) => `甲县人民政府${y}年政府信息公开工作年度报告  ${y + 1}-01-20`).join('\n');
    expect(await parseReport(utf8(listing), { fileName: 'list.txt' })).toMatchObject({ ok: false, error: { code: 'not-a-report' } });
    const random = await parseReport(randomBytes(10_000, 9), { fileName: 'r.bin' });
    expect(random).toMatchObject({ ok: false, error: { code: 'binary' } });
  });
});
