import { describe, expect, it } from 'vitest';
import { extractMeta } from '../../lib/report-parser/meta';

const metaOf = (text: string) => extractMeta(text.split('\n'), text);

// A report without a title line: the year must come from the text.
const untitled = (intro: string, signed = '2024年2月6日') =>
  `${intro}\n一、总体情况\n本机关依法做好政府信息公开工作。\n六、其他需要报告的事项\n无。\n甲县人民政府办公室\n${signed}\n`;

describe('the report year where no title gives it', () => {
  it('reads the statistics period however it is phrased', () => {
    for (const intro of [
      '本报告中所列数据的统计期限为2023年度。',
      '本报告统计时间为2023年全年。',
      '本报告所列数据统计期限自2023年1月至12月。',
      '数据统计期间：2023年1-12月。',
      '统计日期为２０２３．１．１至２０２３．１２．３１。',
      '本报告所列数据统计期限为二〇二三年一月一日至二〇二三年十二月三十一日。',
    ]) {
      const m = metaOf(untitled(intro));
      expect({ intro, year: m.year }).toEqual({ intro, year: 2023 });
      expect(m.warnings.find((w) => w.code === 'year-from-period')?.line).toBe(1);
    }
  });

  it('reads a whole calendar year stated as a range, and the cut-off at 12月31日', () => {
    expect(metaOf(untitled('本报告反映自2023年1月1日至2023年12月31日本机关的工作。')).year).toBe(2023);
    expect(metaOf(untitled('本报告数据统计截至2023年12月31日。')).year).toBe(2023);
  });

  it('takes a sentence opening on the year about the disclosure work, not a year after the signed date', () => {
    const m = metaOf(untitled('本报告由甲县人民政府办公室编制。\n2023年，甲县政府信息公开工作坚持以人民为中心。'));
    expect(m.year).toBe(2023);
    expect(m.warnings.find((w) => w.code === 'year-from-period')?.message).toMatch(/opening of the body/);
    // 2024年 plans in a report signed in 2024 lose to the year before.
    const plans = metaOf(untitled('2024年，甲县将继续深化政务公开。\n2023年，甲县政府信息公开工作稳步推进。'));
    expect(plans.year).toBe(2023);
    // A year inside a law's name is not the report's.
    const law = metaOf(untitled('依据2019年修订的《中华人民共和国政府信息公开条例》编制。'));
    expect(law.year).toBeNull();
    expect(law.warnings.map((w) => w.code)).toContain('year-missing');
  });

  it('never takes a period year after the year the report was signed', () => {
    const m = metaOf(untitled('统计期限为2025年度。', '2024年2月6日'));
    expect(m.year).not.toBe(2025);
  });
});

describe('the date signed at the end', () => {
  const at = (...tail: string[]) =>
    metaOf(`甲县2023年政府信息公开工作年度报告\n六、其他需要报告的事项\n无。\n${tail.join('\n')}\n`).publishedOn;

  it('reads full-width digits and dots', () => {
    expect(at('甲县人民政府', '２０２４年２月６日')).toBe('2024-02-06');
    expect(at('甲县人民政府', '2024．02．06')).toBe('2024-02-06');
  });

  it('reads a date in Chinese numerals on the signature line', () => {
    expect(at('甲县人民政府办公室  二〇二四年二月六日')).toBe('2024-02-06');
  });

  it('takes a bracketed or 印发 date only where no plain date line is', () => {
    expect(at('甲县人民政府', '（2024年2月6日）')).toBe('2024-02-06');
    expect(at('甲县人民政府办公室', '2024年2月6日印发')).toBe('2024-02-06');
    expect(at('甲县人民政府', '2024年2月6日', '甲县人民政府办公室 2024年2月8日印发')).toBe('2024-02-06');
  });
});

describe('fees stated in other ways', () => {
  const fee = (six: string) =>
    metaOf(`某县2023年政府信息公开工作年度报告\n一、总体情况\n概述。\n六、其他需要报告的事项\n${six}\n`).feesCollectedYuan;

  it('reads the amount named by its field, and a bare zero', () => {
    expect(fee('本年度信息处理费收取总额为300元。')).toBe(300);
    expect(fee('本年度收取信息处理费0笔，金额0元。')).toBe(0);
    expect(fee('信息处理费：0')).toBe(0);
  });

  it('reads none collected and exemption as zero', () => {
    expect(fee('2023年，全区各级各单位无收取信息处理费情况。')).toBe(0);
    expect(fee('本年度未发生信息处理费收取情况。')).toBe(0);
    expect(fee('本机关依法免收信息处理费。')).toBe(0);
    expect(fee('本年度收取费用0元。')).toBe(0);
  });

  it('does not take another year\'s amount, and reads a fee not actually collected as 0', () => {
    expect(fee('2022年收取信息处理费100元，2023年未收取信息处理费。')).toBe(0);
    expect(fee('2023年收取信息处理费100元，2022年为0元。')).toBe(100);
    expect(fee('2023年，共收到需缴纳信息处理费的申请2件，因申请人逾期未缴纳，未实际收取信息处理费。')).toBe(0);
  });

  it('reads the fee from a small table in part 六, its unit from the header', () => {
    expect(fee('| 收费项目 | 收费金额（元） |\n| 信息处理费 | 300 |')).toBe(300);
    expect(fee('收费项目\t收费金额（万元）\n信息处理费\t0.03')).toBe(300);
  });

  it('does not take a fee rate for an amount collected', () => {
    expect(fee('信息处理费收费标准为每件100元，本年度未收取。')).toBe(0);
    expect(fee('信息处理费收费标准为每件100元。')).toBeNull();
  });

  it('does not read a fee from part 一 that speaks of other charges', () => {
    expect(
      metaOf('某县2023年政府信息公开工作年度报告\n一、总体情况\n公开行政事业性收费目录。\n六、其他需要报告的事项\n无。\n').feesCollectedYuan,
    ).toBeNull();
  });
});

describe('the agency where the title is unusual or missing', () => {
  const body = '本报告中所列数据统计期限为2022年1月1日至12月31日。\n一、总体情况\n本区依法做好政府信息公开工作。\n六、其他需要报告的事项\n无。\n';

  it('a title with the year after it in brackets gives the issuer and the year', () => {
    for (const title of ['鲤城区政府信息公开工作年度报告（2022年度）', '鲤城区人民政府信息公开工作年度报告(2022年)']) {
      const m = metaOf(`${title}\n${body}`);
      expect({ title, agency: m.agencyName, year: m.year, regionCode: m.regionCode }).toEqual({ title, agency: '鲤城区人民政府', year: 2022, regionCode: '350502' });
      expect(m.title).toBe(title);
    }
  });

  it('without a title, a report compiled by the government office is the government\'s when it speaks for the place', () => {
    const untitledOffice = (we: string) =>
      `本报告由淮安市人民政府办公室编制。报告所列统计期限自2024年1月1日至2024年12月31日。\n一、总体情况\n2024年，${we}严格落实《条例》各项规定。\n六、其他需要报告的事项\n无。\n`;
    expect(metaOf(untitledOffice('我市')).agencyName).toBe('淮安市人民政府');
    // The office's own report speaks for the office.
    expect(metaOf(untitledOffice('我办')).agencyName).toBe('淮安市人民政府办公室');
  });

  it('a contact office named after the government (人民政府信息公开办) gives the government, not the office', () => {
    const m = metaOf(`${body}对本报告如有疑问，请与鲤城区人民政府信息公开办联系（电话：0595-22355663）。\n`);
    expect(m.agencyName).toBe('鲤城区人民政府');
    expect(m.regionCode).toBe('350502');
  });
});

describe('titles of cover letters, and dates with a weekday', () => {
  const body = '一、总体情况\n本单位依法做好政府信息公开工作。\n六、其他需要报告的事项\n无。\n';
  it('a report sent under a cover letter (关于印发…的通知, 关于报送…的报告) is the sender\'s', () => {
    const cases: [string, string, string][] = [
      ['沭阳县教育局关于印发沭阳县教育局2023年政府信息公开工作年度报告的通知', '沭阳县教育局', '321322'],
      ['沭阳县韩山镇人民政府关于报送2023年度政府信息公开工作年度报告的报告', '韩山镇人民政府', '321322'],
      ['沭阳县人民政府办公室关于2023年度政府信息公开工作情况的报告', '沭阳县人民政府办公室', '321322'],
      // The office publishes the government's report: the government's.
      ['沭阳县人民政府办公室关于印发沭阳县人民政府2023年政府信息公开工作年度报告的通知', '沭阳县人民政府', '321322'],
      // The sender on the line above, the title naming only the place: the sender's.
      ['沭阳县人民政府办公室\n关于沭阳县2023年政府信息公开工作年度报告的报告', '沭阳县人民政府办公室', '321322'],
    ];
    for (const [title, agency, county] of cases) {
      const m = metaOf(`${title}\n${body}`);
      expect({ title, agency: m.agencyName, year: m.year }).toEqual({ title, agency, year: 2023 });
      expect(m.regionCode?.startsWith(county)).toBe(true);
    }
  });
  it('a signature date followed by its weekday is the published date', () => {
    const m = metaOf(`甲县人民政府2023年政府信息公开工作年度报告\n${body}甲县人民政府\n2024年1月20日（星期六）\n`);
    expect(m.publishedOn).toBe('2024-01-20');
  });
});

describe('a title naming only the place', () => {
  const body = '一、总体情况\n本机关依法做好政府信息公开工作。\n六、其他需要报告的事项\n无。\n';
  it('signed by the body itself (a zone\'s 管理委员会): the signature names it, no government is made up', () => {
    const m = metaOf(`平潭综合实验区2023年政府信息公开工作年度报告\n${body}平潭综合实验区管理委员会\n2024年1月20日\n`);
    expect(m.agencyName).toBe('平潭综合实验区管理委员会');
    expect(m.regionCode).toBe('350128');
  });
  it('signed by its government\'s office: the government, as the place alone says', () => {
    const m = metaOf(`鲤城区2023年政府信息公开工作年度报告\n${body}鲤城区人民政府办公室\n2024年1月20日\n`);
    expect(m.agencyName).toBe('鲤城区人民政府');
  });
});

describe('a town the gazetteer does not list under the county the report names', () => {
  const body = '一、总体情况\n本机关依法做好政府信息公开工作。\n六、其他需要报告的事项\n无。\n';
  it('printed with its county (沭阳县周庄镇): the county, said, not a 周庄镇 elsewhere or nothing', () => {
    const m = metaOf(`沭阳县周庄镇人民政府2023年政府信息公开工作年度报告\n${body}`);
    expect(m.regionCode).toBe('321322');
    expect(m.warnings).toContainEqual(expect.objectContaining({ code: 'region-coarse', detail: { printed: '周庄镇', code: '321322' } }));
  });
  it('named alone while the text names its county (城关镇 of 涡阳县): not the 城关镇 of a neighbouring county', () => {
    const m = metaOf(`城关镇人民政府2023年政府信息公开工作年度报告\n本报告电子版可在“涡阳县人民政府”门户网站查阅。\n${body}涡阳县城关镇人民政府\n2024年1月20日\n`);
    expect(m.regionCode).toBe('341621');
    expect(m.warnings.map((w) => w.code)).toContain('region-coarse');
  });
});

describe('a place misread by OCR in the title', () => {
  const body = '一、总体情况\n本机关依法做好政府信息公开工作。请与沭阳县人民政府办公室联系。\n六、其他需要报告的事项\n无。\n';
  it('is corrected in the agency name, not joined to the right spelling found elsewhere (沐阳县 → 沭阳县)', () => {
    const county = metaOf(`沐阳县2023年政府信息公开工作年度报告\n${body}`);
    expect(county.agencyName).toBe('沭阳县人民政府');
    expect(county.regionCode).toBe('321322');
    expect(county.warnings.map((w) => w.code)).toContain('label-fuzzy');
    const town = metaOf(`沐阳县韩山镇人民政府2023年政府信息公开工作年度报告\n${body}`);
    expect(town.agencyName).toBe('韩山镇人民政府');
    expect(town.regionCode?.startsWith('321322')).toBe(true);
  });
});

describe('development zones the gazetteer does not list', () => {
  const body = '一、总体情况\n本机关依法做好政府信息公开工作。\n六、其他需要报告的事项\n无。\n';
  it('are placed in the city or county whose short name they open with, said as a non-standard zone', () => {
    const city = metaOf(`嘉兴经济技术开发区管理委员会2023年政府信息公开工作年度报告\n${body}`);
    expect(city.regionCode).toBe('330400');
    expect(city.agencyName).toBe('嘉兴经济技术开发区管理委员会');
    expect(city.warnings.map((w) => w.code)).toContain('region-nonstandard');
    const county = metaOf(`沭阳经济技术开发区管理委员会2023年政府信息公开工作年度报告\n沭阳县人民政府门户网站。沭阳县。\n${body}`);
    expect(county.regionCode).toBe('321322');
    expect(county.agencyName).toBe('沭阳经济技术开发区管理委员会');
  });
});
