import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractMeta } from '../../lib/report-parser/meta';
import { extractFigures, joinLines } from '../../lib/report-parser/narrative';
import { parseReport } from '../../lib/report-parser/index';

const SHARED = path.resolve(__dirname, '../../../shared');
const SEEDS = path.join(SHARED, 'seeds');
const seedFiles = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();
const META_FIELDS = ['agencyName', 'regionCode', 'year', 'publishedOn', 'feesCollectedYuan'] as const;

const metaOf = (text: string) => extractMeta(text.split('\n'), text);

describe('extractMeta on the five seeds', () => {
  it('has five seeds to check', () => expect(seedFiles).toHaveLength(5));
  for (const file of seedFiles) {
    it(`${file}: agency, region, year, date and fee as hand-read`, () => {
      const text = readFileSync(path.join(SEEDS, file), 'utf8');
      const expected = JSON.parse(readFileSync(path.join(SEEDS, file.replace('.txt', '.expected.json')), 'utf8')).expected;
      const meta = metaOf(text);
      for (const k of META_FIELDS) expect({ [k]: meta[k] }).toEqual({ [k]: expected[k] });
      if (meta.templateHint !== null) expect(meta.templateHint).toBe(expected.template);
    });
    it(`${file}: the full parse keeps the same metadata and the template`, async () => {
      const expected = JSON.parse(readFileSync(path.join(SEEDS, file.replace('.txt', '.expected.json')), 'utf8')).expected;
      const r = await parseReport(new Uint8Array(readFileSync(path.join(SEEDS, file))), { fileName: file });
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      for (const k of [...META_FIELDS, 'template'] as const) expect({ [k]: r.report[k] }).toEqual({ [k]: expected[k] });
    });
  }
});

describe('extractMeta details', () => {
  const seed = (prefix: string) => readFileSync(path.join(SEEDS, seedFiles.find((f) => f.startsWith(prefix))!), 'utf8');

  it('001: street office, its town code, document number, signature date', () => {
    const m = metaOf(seed('001'));
    expect(m.agencyKind).toBe('street');
    expect(m.regionName).toBe('福建省泉州市鲤城区开元街道');
    expect(m.documentNumber).toBe('泉鲤政开办文〔2021〕1号');
    expect(m.title).toBe('鲤城区人民政府开元街道办事处 2020年政府信息公开工作年度报告');
    expect(m.narrative.other).toBe('无其他需要报告的事项。');
    expect(m.templateHint).toBe('2019');
  });

  it('002: a title naming only 政府办公室 takes the county from the body', () => {
    const m = metaOf(seed('002'));
    expect(m.agencyName).toBe('龙亭区人民政府办公室');
    expect(m.agencyKind).toBe('office');
    expect(m.regionName).toBe('河南省开封市龙亭区');
    expect(m.narrativeFigures).toContainEqual(expect.objectContaining({ key: 'newReceived', value: 16 }));
    expect(m.sources['feesCollectedYuan']?.line).toBe(94);
  });

  it('004: no title — year from the period (warned), government not its office (汇总各镇街)', () => {
    const m = metaOf(seed('004'));
    expect(m.title).toBeNull();
    expect(m.warnings.find((w) => w.code === 'year-from-period')?.line).toBe(1);
    expect(m.agencyKind).toBe('government');
    expect(m.narrativeFigures).toContainEqual(expect.objectContaining({ key: 'newReceived', value: 80 }));
  });

  it('000: no date signed → publishedOn null with a warning; region-wide title → the government', () => {
    const m = metaOf(seed('000'));
    expect(m.publishedOn).toBeNull();
    expect(m.warnings.map((w) => w.code)).toContain('published-date-missing');
    expect(m.agencyName).toBe('鲤城区人民政府');
    expect(m.narrative.overview?.startsWith('（一）突出全局统筹落实')).toBe(true);
  });

  it('fees: amounts, 万元, none collected, and silence', () => {
    const body = (six: string) => `某县2022年政府信息公开工作年度报告\n一、总体情况\n概述。\n六、其他需要报告的事项\n${six}\n`;
    expect(metaOf(body('全年收取信息处理费 3940 元。')).feesCollectedYuan).toBe(3940);
    const wan = metaOf(body('本年度收取信息处理费0.12万元。'));
    expect(wan.feesCollectedYuan).toBe(1200);
    expect(wan.warnings.map((w) => w.code)).toContain('unit-converted');
    expect(metaOf(body('本机关未收取任何信息处理费。')).feesCollectedYuan).toBe(0);
    expect(metaOf(body('按照《政府信息公开信息处理费管理办法》执行，\n全年收取政府信息公开信息处理费 0 元。')).feesCollectedYuan).toBe(0);
    expect(metaOf(body('无')).feesCollectedYuan).toBeNull();
    expect(metaOf(body('无其他需要报告的事项。')).feesCollectedYuan).toBeNull();
    // Thousands grouped with a comma, ASCII or full-width.
    expect(metaOf(body('本年度共收取信息处理费1,250元。')).feesCollectedYuan).toBe(1250);
    expect(metaOf(body('本年度共收取信息处理费2，000.50元。')).feesCollectedYuan).toBe(2000.5);
    expect(metaOf(body('收取信息处理费12,345,678元。')).feesCollectedYuan).toBe(12345678);
  });

  it('a title with its year in Chinese numerals (二〇二三年度)', () => {
    const m = metaOf('泉州市丰泽区人民政府办公室二〇二〇年度政府信息公开工作年度报告\n一、总体情况\n概述。\n');
    expect([m.year, m.agencyName]).toEqual([2020, '丰泽区人民政府办公室']);
    expect(m.warnings.some((w) => w.code === 'year-from-period' || w.code === 'year-missing')).toBe(false);
    expect(m.title).toBe('泉州市丰泽区人民政府办公室二〇二〇年度政府信息公开工作年度报告');
  });

  it('a publication line (发布时间：…) or the signature and its date on one line', () => {
    const at = (last: string) => metaOf(`甲县2020年政府信息公开工作年度报告\n六、其他需要报告的事项\n无。\n${last}\n`).publishedOn;
    expect(at('发布时间：2021-01-08 16:30:12')).toBe('2021-01-08');
    expect(at('日期: 2021年1月8日')).toBe('2021-01-08');
    expect(at('泉州市丰泽区人民政府办公室    2021年1月8日')).toBe('2021-01-08');
    expect(at('截至2021年1月8日')).toBeNull(); // a sentence, not a signature
  });

  it('numeric dates on a line of their own: 2024-02-06, 2024.2.6, 2024/02/06', () => {
    const at = (d: string) => metaOf(`甲县2023年政府信息公开工作年度报告\n六、其他需要报告的事项\n无。\n甲县人民政府\n${d}\n`).publishedOn;
    expect(at('2024-02-06')).toBe('2024-02-06');
    expect(at('2024.2.6')).toBe('2024-02-06');
    expect(at('2024/02/06')).toBe('2024-02-06');
    expect(at('2024-02.06')).toBeNull(); // mixed separators: not a date
    expect(at('2024-13-06')).toBeNull();
  });

  it('dates in Chinese numerals and the last standalone date after section 六', () => {
    const m = metaOf('甲县2020年政府信息公开工作年度报告\n六、其他需要报告的事项\n无。\n甲县人民政府\n二〇二一年一月二十八日\n');
    expect(m.publishedOn).toBe('2021-01-28');
  });
});

describe('extractMeta on the corpus texts', () => {
  const cases: [string, string, string, number, number][] = [
    ['huaian-2024.layout.txt', '淮安市人民政府', '320800', 2024, 3940],
    ['hongze-2023.layout.txt', '洪泽区人民政府', '320813', 2023, 0],
    ['hongze-2024.raw.txt', '洪泽区人民政府', '320813', 2024, 0],
  ];
  for (const [file, agency, code, year, fee] of cases) {
    it(file, () => {
      const m = metaOf(readFileSync(path.join(SHARED, 'corpus', file), 'utf8'));
      expect([m.agencyName, m.regionCode, m.year, m.feesCollectedYuan]).toEqual([agency, code, year, fee]);
    });
  }
  it('huaian: the narrative figures the engine checks against the tables', () => {
    const m = metaOf(readFileSync(path.join(SHARED, 'corpus', 'huaian-2024.layout.txt'), 'utf8'));
    const figures = Object.fromEntries(m.narrativeFigures.map((f) => [f.key, f.value]));
    expect(figures).toEqual({ newReceived: 3119, carriedOver: 34, carriedForward: 103, reconsideration: 351, litigation: 46 });
  });
});

describe('narrative figures: all requests dealt with (totalHandled)', () => {
  const figuresOf = (text: string) => {
    const lines = text.split('\n');
    return Object.fromEntries(extractFigures(joinLines(lines, 0, lines.length)).map((f) => [f.key, f.value]));
  };
  it('reads 共办理…申请N件 and 办结…申请件N件, beside the other figures', () => {
    expect(figuresOf('2020年度，区政府办公室共办理政府信息公开申请9件，均在法定时限内办结。')).toEqual({ totalHandled: 9 });
    expect(figuresOf('全年办结政府信息公开申请件47件，有力保障群众知情权。')).toEqual({ totalHandled: 47 });
    expect(figuresOf('共收到政府信息公开申请12件，上年结转2件，答复政府信息公开申请13件，1件结转至下年度。')).toEqual({
      newReceived: 12,
      carriedOver: 2,
      totalHandled: 13,
      carriedForward: 1,
    });
  });
  it('does not take a part (按时办结…) or a count that names no request', () => {
    expect(figuresOf('按时办结政府信息公开申请30件。')).toEqual({});
    expect(figuresOf('办理完毕40件，办理人大代表建议12件。')).toEqual({});
  });
  it('is checked against 总计 of table 3: seed 003 states 9 and its table holds 9', async () => {
    const seed = readdirSync(path.join(SHARED, 'seeds')).find((f) => f.startsWith('003_') && f.endsWith('.txt'));
    if (!seed) throw new Error('no seed 003');
    const r = await parseReport(new Uint8Array(readFileSync(path.join(SHARED, 'seeds', seed))), { fileName: seed });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.report.checks.find((c) => c.id === 'narrative.totalHandled')).toMatchObject({ passed: true, left: 9, right: 9 });
  });
});

describe('extractMeta stays linear on hostile text', () => {
  // Regression: the statistics-period regex had three adjacent optional \s* runs and took >20 s on
  // "统计期限" followed by a long run of blanks.
  const cases: Record<string, string> = {
    'blank run after 统计期限': '统计期限' + ' '.repeat(2_000_000),
    'huge line of spaces': ' '.repeat(1_000_000) + 'x\n六、其他需要报告的事项\n' + ' '.repeat(1_000_000) + 'y',
    'digit run in the overview': '一、总体情况\n' + '9'.repeat(1_000_000) + '件顺延到下年度\n',
    'repeated fee words': '六、其他需要报告的事项\n' + '收取'.repeat(500_000) + '处理费',
    'a million 区': '区'.repeat(1_000_000),
  };
  for (const [name, text] of Object.entries(cases)) {
    it(name, () => {
      const t0 = performance.now();
      metaOf(text);
      expect(performance.now() - t0).toBeLessThan(1500);
    });
  }
});
