/**
 * Readable ASCII slugs from Chinese names: 鲤城区人民政府 + 350502 → licheng-qu-renmin-zhengfu-350502.
 */
import { pinyin } from 'pinyin-pro';

// Words of government names that read better as their own slug segment. Longest match wins.
const WORDS = [
  '人民|政府', '街道|办事处', '办事处', '办公室', '管理|委员会', '委员会', '人民', '政府', '街道', '自治县', '自治州',
  '自治区', '自治旗', '新区', '开发区', '高新区', '经济', '技术', '开发', '发展', '改革', '监督', '管理', '市场',
  '公安', '财政', '教育', '卫生', '健康', '交通', '运输', '生态', '环境', '自然资源', '规划', '住房', '城乡', '建设',
  '农业', '农村', '水利', '水务', '商务', '文化', '旅游', '广电', '体育', '统计', '审计', '应急', '民政', '司法',
  '人力资源', '社会保障', '退役军人', '事务', '科学技术', '科技', '工业', '信息化', '林业', '草原', '医疗', '保障',
  '税务', '行政', '审批', '服务', '数据', '大数据', '信访', '档案', '综合', '执法', '城市', '公开', '信息', '和',
];
// `|` marks where a compound splits into slug segments.
const WORDS_BY_LENGTH = WORDS.map((w) => ({ text: w.replace(/\|/g, ''), parts: w.split('|') })).sort(
  (a, b) => b.text.length - a.text.length,
);

// Administrative suffixes that end a proper name: 鲤城|区, 开元|街道, 张圩|乡.
const SUFFIX_CHARS = new Set([...'区县市镇乡省旗盟州局委厅办室处所站队院馆']);

const HAN = /\p{Script=Han}/u;

function pinyinOf(text: string): string {
  return pinyin(text, { toneType: 'none', type: 'array', v: true, nonZh: 'consecutive' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

/** Splits a name into the segments of its slug. */
export function slugWords(name: string): string[] {
  const words: string[] = [];
  let run = '';
  const flush = () => {
    if (run) words.push(run);
    run = '';
  };
  let i = 0;
  while (i < name.length) {
    const word = WORDS_BY_LENGTH.find((w) => name.startsWith(w.text, i));
    if (word) {
      flush();
      words.push(...word.parts);
      i += word.text.length;
      continue;
    }
    const ch = name[i] as string;
    if (SUFFIX_CHARS.has(ch)) {
      flush();
      words.push(ch);
    } else if (HAN.test(ch) || /[A-Za-z0-9]/.test(ch)) {
      run += ch;
    } else {
      flush(); // punctuation and brackets separate words
    }
    i += 1;
  }
  flush();
  return words.map(pinyinOf).filter((w) => w.length > 0);
}

/** Lower-case pinyin without tones or spaces: 鲤城区 → lichengqu. */
export function toPinyin(name: string): string {
  return pinyinOf(name);
}

/** Pinyin initials: 鲤城区 → lcq. */
export function toInitials(name: string): string {
  return pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', v: true, nonZh: 'removed' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

// Ingest asks for the same agency's slug once per report; pinyin is the costly part.
const baseCache = new Map<string, string>();

/** A readable ASCII slug, with the region code (when there is one) keeping it unique across places. */
export function slugify(name: string, code?: string | null): string {
  let base = baseCache.get(name);
  if (base === undefined) {
    base = slugWords(name).join('-').slice(0, 80).replace(/-+$/, '') || 'x';
    if (baseCache.size >= 20_000) baseCache.clear();
    baseCache.set(name, base);
  }
  return code ? `${base}-${code}` : base;
}
