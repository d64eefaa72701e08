import { describe, expect, it } from 'vitest';
import { getRegion, listRegions, resolveRegion } from '../../lib/report-parser/region';
import { extractMeta } from '../../lib/report-parser/meta';

describe('resolveRegion', () => {
  it('places a city bureau\'s district branch in its district (…局洪泽分局 → 洪泽区)', () => {
    expect(resolveRegion('淮安市生态环境局洪泽分局', '').code).toBe('320813');
    expect(resolveRegion('宿迁市公安局宿城分局', '').code).toBe('321302');
    // Not a district's name: the city.
    expect(resolveRegion('淮安市公安局交警分局', '').code).toBe('3208');
  });

  it('鼓楼区 with 福州市 mentioned → 350102', () => {
    const r = resolveRegion('鼓楼区人民政府', '地址：福州市鼓楼区某路1号');
    expect(r).toMatchObject({ status: 'resolved', code: '350102', name: '福建省福州市鼓楼区' });
  });

  it('鼓楼区 alone is ambiguous between four cities', () => {
    const r = resolveRegion('鼓楼区人民政府', '本区全年主动公开信息。');
    expect(r.status).toBe('ambiguous');
    expect(r.code).toBeNull();
    expect(r.candidates.map((c) => c.code).sort()).toEqual(['320106', '320302', '350102', '410204']);
  });

  it('neighbouring districts named in the text disambiguate (鼓楼区 beside 台江区 and 仓山区 → 福州)', () => {
    expect(resolveRegion('鼓楼区人民政府', '会同台江区、仓山区开展联合检查。').code).toBe('350102');
    expect(resolveRegion('鼓楼区人民政府', '与玄武区、秦淮区交流经验。').code).toBe('320106');
  });

  it('a city in the name itself disambiguates (开封市鼓楼区)', () => {
    expect(resolveRegion('开封市鼓楼区人民政府', '').code).toBe('410204');
  });

  it('平潭综合实验区 maps to 平潭县 and says so', () => {
    const r = resolveRegion('平潭综合实验区管委会', '');
    expect(r).toMatchObject({ code: '350128', nonstandard: true, name: '福建省福州市平潭县' });
  });

  it('a street office gets the 9-digit town code of the right county', () => {
    expect(resolveRegion('鲤城区人民政府开元街道办事处', '').code).toBe('350502004');
    // 开元街道 exists in several counties: the context picks the one in 鲤城区.
    expect(resolveRegion('开元街道办事处', '地址：泉州市鲤城区县后街77号').code).toBe('350502004');
  });

  it('a city-level body gets the package\'s 4-digit city code', () => {
    expect(resolveRegion('淮安市人民政府', '')).toMatchObject({ code: '3208', name: '江苏省淮安市' });
  });

  it('corrects an OCR misreading (沐阳 for 沭阳)', () => {
    expect(resolveRegion('沐阳县人民政府', '').code).toBe('321322');
  });

  it('unknown places stay unresolved', () => {
    expect(resolveRegion('某某单位', '').status).toBe('unresolved');
  });
});

describe('extractMeta region warnings', () => {
  it('reports region-ambiguous with candidates and a null code', () => {
    const text = '鼓楼区2022年政府信息公开工作年度报告\n一、总体情况\n概述。\n';
    const m = extractMeta(text.split('\n'), text);
    expect(m.agencyName).toBe('鼓楼区人民政府');
    expect(m.regionCode).toBeNull();
    expect(m.regionCandidates).toHaveLength(4);
    expect(m.warnings.find((w) => w.code === 'region-ambiguous')).toMatchObject({ line: 1 });
  });

  it('drops the names of regions above the agency and keeps its region', () => {
    const text = '福州市鼓楼区人民政府2022年政府信息公开工作年度报告\n一、总体情况\n概述。\n';
    const m = extractMeta(text.split('\n'), text);
    expect([m.agencyName, m.regionCode]).toEqual(['鼓楼区人民政府', '350102']);
  });

  it('平潭综合实验区 gives region-nonstandard', () => {
    const text = '平潭综合实验区管委会2022年政府信息公开工作年度报告\n一、总体情况\n概述。\n';
    const m = extractMeta(text.split('\n'), text);
    expect(m.regionCode).toBe('350128');
    expect(m.warnings.map((w) => w.code)).toContain('region-nonstandard');
  });
});

describe('listRegions', () => {
  const all = [...listRegions()];
  it('covers all four levels with parents and full names', () => {
    const byLevel = [1, 2, 3, 4].map((l) => all.filter((r) => r.level === l).length);
    expect(byLevel[0]).toBe(31);
    expect(byLevel[1]).toBeGreaterThan(300);
    expect(byLevel[2]).toBeGreaterThan(2800);
    expect(byLevel[3]).toBeGreaterThan(40000);
    const codes = new Set(all.map((r) => r.code));
    expect(codes.size).toBe(all.length);
    for (const r of all) if (r.parentCode !== null) expect(codes.has(r.parentCode)).toBe(true);
  });
  it('skips pseudo levels in full names', () => {
    expect(getRegion('110101')?.fullName).toBe('北京市东城区');
    expect(getRegion('1101')).toMatchObject({ name: '市辖区', pseudo: true, fullName: '北京市' });
    expect(all.filter((r) => r.pseudo).every((r) => r.level === 2)).toBe(true);
    // Parents come first, so a loader can insert in order.
    const seen = new Set<string>();
    for (const r of all) {
      if (r.parentCode !== null) expect(seen.has(r.parentCode)).toBe(true);
      seen.add(r.code);
    }
    expect(getRegion('350502004')).toMatchObject({ level: 4, parentCode: '350502', fullName: '福建省泉州市鲤城区开元街道' });
  });
});
