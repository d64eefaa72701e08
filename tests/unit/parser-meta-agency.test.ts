import { describe, expect, it } from 'vitest';
import { extractMeta } from '../../lib/report-parser/meta';

/** Title → [agencyName, agencyKind, regionCode]. The spec: the body's own name, no regions above it. */
const CASES: [string, string, string, string][] = [
  ['泉州市鲤城区教育局2022年政府信息公开工作年度报告', '鲤城区教育局', 'department', '350502'],
  ['晋江市安海镇人民政府2022年政府信息公开工作年度报告', '安海镇人民政府', 'town', '350582101'],
  ['南安市官桥镇2022年政府信息公开工作年度报告', '官桥镇人民政府', 'town', '350583118'],
  ['鲤城区开元街道办事处2022年政府信息公开工作年度报告', '开元街道办事处', 'street', '350502004'],
  ['泉州市鲤城区人民政府开元街道办事处2022年政府信息公开工作年度报告', '开元街道办事处', 'street', '350502004'],
  ['2022年鲤城区政府信息公开工作年度报告', '鲤城区人民政府', 'government', '350502'],
  ['关于鲤城区2022年度政府信息公开工作年度报告', '鲤城区人民政府', 'government', '350502'],
  ['《泉州市鲤城区人民政府2022年政府信息公开工作年度报告》', '鲤城区人民政府', 'government', '350502'],
  ['鲤城区卫生健康局关于2022年政府信息公开工作年度报告', '鲤城区卫生健康局', 'department', '350502'],
  ['淮安市教育局2024年政府信息公开工作年度报告', '淮安市教育局', 'department', '320800'],
  ['淮安市人民政府办公室2021年政府信息公开工作年度报告', '淮安市人民政府办公室', 'office', '320800'],
  ['北京市东城区人民政府2021年政府信息公开工作年度报告', '东城区人民政府', 'government', '110101'],
  ['福建省人民政府2021年政府信息公开工作年度报告', '福建省人民政府', 'government', '350000'],
];

const meta = (title: string) => {
  const text = `${title}\n一、总体情况\n本年度概述。\n`;
  return extractMeta(text.split('\n'), text);
};

describe('agency names from titles', () => {
  for (const [title, name, kind, code] of CASES) {
    it(title, () => {
      const m = meta(title);
      expect([m.agencyName, m.agencyKind, m.regionCode]).toEqual([name, kind, code]);
      expect(m.year).toBe(Number(/\d{4}/.exec(title)![0]));
    });
  }

  it('an OCR-misread county (沐阳 for 沭阳) is resolved and the name corrected, with a warning', () => {
    const m = meta('沐阳县人民政府2022年政府信息公开工作年度报告');
    expect([m.agencyName, m.regionCode]).toEqual(['沭阳县人民政府', '321322']);
    expect(m.warnings.find((w) => w.code === 'label-fuzzy')?.row).toBe('agencyName');
  });

  it('a misread division under a printed place is corrected when one of its children is one character away', () => {
    for (const [title, name, code] of [
      // 沭阳县 and 泗阳县 are both one character from 沐阳县: the known confusable 沐/沭 decides.
      ['宿迁市沐阳县人民政府2023年政府信息公开工作年度报告', '沭阳县人民政府', '321322'],
      ['泉州市鲤成区教育局2022年政府信息公开工作年度报告', '鲤城区教育局', '350502'],
      ['鲤城区开无街道办事处2022年政府信息公开工作年度报告', '开元街道办事处', '350502004'],
    ]) {
      const m = meta(title!);
      expect([m.agencyName, m.regionCode], title).toEqual([name, code]);
      expect(m.warnings.find((w) => w.code === 'label-fuzzy')?.row).toBe('agencyName');
    }
    // No child is one character away (or several are, with no confusable pair): nothing is changed.
    const far = meta('泉州市海北区教育局2022年政府信息公开工作年度报告');
    expect(far.regionCode).toBe('350500');
    expect(far.warnings.some((w) => w.code === 'label-fuzzy')).toBe(false);
  });

  it('a title without its county (区政府办公室, 区教育局) takes the county the body names', () => {
    for (const [title, name] of [
      ['区政府办公室2022年政府信息公开工作年度报告', '龙亭区人民政府办公室'],
      ['区教育局2022年政府信息公开工作年度报告', '龙亭区教育局'],
    ]) {
      const text = `${title}\n一、总体情况\n2022年，龙亭区政府办公室严格执行。龙亭区门户网站。\n`;
      const m = extractMeta(text.split('\n'), text);
      expect([m.agencyName, m.regionCode]).toEqual([name, '410202']);
    }
  });

  it('no title, no signature: the contact sentence names the agency', () => {
    const text = '本报告依据《条例》编制。统计期限为2021年1月1日至12月31日。如有疑问请与泉州市丰泽区人民政府办公室联系。\n一、总体情况\n概述。\n';
    const m = extractMeta(text.split('\n'), text);
    expect([m.agencyName, m.regionCode, m.year]).toEqual(['丰泽区人民政府办公室', '350503', 2021]);
  });

  it('nothing names an agency: agency-missing, region-unresolved', () => {
    const text = '一、总体情况\n概述。\n';
    const m = extractMeta(text.split('\n'), text);
    expect(m.agencyName).toBeNull();
    expect(m.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['agency-missing', 'region-unresolved', 'year-missing']));
  });
});

describe('generic district names at the start of the agency name', () => {
  it('bug: 城区医疗保障局 of 汕尾市城区 was region-unresolved; the city named in the text decides', () => {
    const text = '城区医疗保障局2019年政府信息公开工作年度报告\n如对本报告有疑问，请与广东省汕尾市城区城区医疗保障局联系。\n一、总体情况\n本年度概述。\n';
    const m = extractMeta(text.split('\n'), text);
    expect([m.agencyName, m.regionCode]).toEqual(['城区医疗保障局', '441502']);
  });

  it('says ambiguous, not resolved, when no city is named', () => {
    const text = '城区医疗保障局2019年政府信息公开工作年度报告\n一、总体情况\n本年度概述。\n';
    const m = extractMeta(text.split('\n'), text);
    expect(m.regionCode).toBeNull();
    expect(m.warnings.map((w) => w.code)).toContain('region-ambiguous');
  });
});
