/**
 * messages/{zh,en}/<namespace>.json: every namespace exists in both languages with the same keys, every message
 * is valid ICU that next-intl can format, and both languages use the same arguments (a {count} in zh but not in
 * en would render a raw placeholder or drop a number).
 */
import fs from 'node:fs';
import path from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve('messages');
const LOCALES = ['zh', 'en'] as const;

function namespaces(locale: string): string[] {
  return fs
    .readdirSync(path.join(ROOT, locale))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
}

function load(locale: string, ns: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(ROOT, locale, `${ns}.json`), 'utf8'));
}

/** Leaf messages by dotted key. */
function flatten(value: unknown, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else {
    out.set(prefix, value);
  }
  return out;
}

interface AstNode {
  type: number;
  value?: string;
  options?: Record<string, { value: AstNode[] }>;
  children?: AstNode[];
}

/** Argument and tag names used anywhere in a message, including inside plural/select branches. */
function argumentsOf(message: string, locale: string): string[] {
  const names = new Set<string>();
  const walk = (nodes: AstNode[]) => {
    for (const n of nodes) {
      // 0 literal, 7 pound (#): no name. Every other element names an argument or a rich-text tag.
      if (n.type !== 0 && n.type !== 7 && n.value) names.add(n.value);
      for (const o of Object.values(n.options ?? {})) walk(o.value);
      if (n.children) walk(n.children);
    }
  };
  walk(new IntlMessageFormat(message, locale).getAst() as unknown as AstNode[]);
  return [...names].sort();
}

describe('message files', () => {
  it('exist for the same namespaces in zh and en', () => {
    expect(namespaces('zh').length).toBeGreaterThan(0);
    expect(namespaces('en')).toEqual(namespaces('zh'));
  });

  const all = [...new Set(LOCALES.flatMap(namespaces))];

  describe.each(all)('namespace %s', (ns) => {
    const present = LOCALES.filter((l) => fs.existsSync(path.join(ROOT, l, `${ns}.json`)));

    it('is present in both languages and parses as a JSON object', () => {
      expect(present).toEqual([...LOCALES]);
      for (const l of LOCALES) {
        const data = load(l, ns);
        expect(typeof data === 'object' && data !== null && !Array.isArray(data)).toBe(true);
      }
    });

    it('has the same keys in zh and en', () => {
      const [zh, en] = LOCALES.map((l) => [...flatten(load(l, ns)).keys()].sort());
      const onlyZh = zh!.filter((k) => !en!.includes(k));
      const onlyEn = en!.filter((k) => !zh!.includes(k));
      expect({ onlyZh, onlyEn }).toEqual({ onlyZh: [], onlyEn: [] });
    });

    it('holds only strings that are valid ICU messages with the same arguments in both', () => {
      const zh = flatten(load('zh', ns));
      const en = flatten(load('en', ns));
      const problems: string[] = [];
      for (const [key, zhValue] of zh) {
        const enValue = en.get(key);
        const args: Partial<Record<(typeof LOCALES)[number], string[]>> = {};
        for (const [locale, value] of [['zh', zhValue], ['en', enValue]] as const) {
          if (value === undefined) continue; // reported by the key test
          // Empty is allowed: a word one language needs and the other has none for (a Chinese measure word).
          if (typeof value !== 'string') {
            problems.push(`${locale} ${ns}.${key}: not a string`);
            continue;
          }
          try {
            args[locale] = argumentsOf(value, locale);
          } catch (err) {
            problems.push(`${locale} ${ns}.${key}: invalid ICU message (${(err as Error).message})`);
          }
        }
        if (args.zh && args.en && args.zh.join() !== args.en.join()) {
          problems.push(`${ns}.${key}: zh uses {${args.zh.join(', ')}} but en uses {${args.en.join(', ')}}`);
        }
      }
      expect(problems).toEqual([]);
    });
  });
});
