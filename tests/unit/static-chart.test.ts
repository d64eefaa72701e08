import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { describe, expect, it } from 'vitest';
import { escapeMarkup, staticChartSvg } from '../../components/charts/static-chart';
import type { ChartSpec } from '../../components/charts/types';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

function elements(node: Node, out: Element[] = []): Element[] {
  if ('tagName' in node) out.push(node);
  if ('childNodes' in node) for (const c of node.childNodes) elements(c, out);
  return out;
}
const textOf = (node: Node): string =>
  'value' in node && node.nodeName === '#text' ? node.value : 'childNodes' in node ? node.childNodes.map(textOf).join('') : '';

const spec = (over: Partial<ChartSpec> = {}): ChartSpec => ({
  id: 'requests',
  title: 'Requests',
  description: 'd',
  mode: 'stacked',
  series: [
    { key: 'a', label: 'Natural persons', color: '#123456' },
    { key: 'b', label: 'Legal persons', color: '#abcdef' },
  ],
  rows: [
    { category: '2022', values: { a: 10, b: 5 } },
    { category: '2023', values: { a: 0, b: null } },
    { category: '2024', values: { a: 7, b: 3 } },
  ],
  locale: 'en',
  categoryLabel: 'Year',
  ...over,
});

describe('static chart markup', () => {
  it('is one well-formed svg with a bar per positive value and a label per category', () => {
    const frag = parseFragment(staticChartSvg(spec()));
    expect(frag.childNodes).toHaveLength(1);
    const all = elements(frag);
    expect(all[0]!.tagName).toBe('svg');
    expect(all[0]!.attrs.find((a) => a.name === 'class')?.value).toBe('static-chart');
    const rects = all.filter((e) => e.tagName === 'rect');
    expect(rects.map((r) => r.attrs.find((a) => a.name === 'fill')?.value)).toEqual(['#123456', '#abcdef', '#123456', '#abcdef']);
    expect(rects.map((r) => textOf(r))).toEqual([
      '2022 Natural persons: 10',
      '2022 Legal persons: 5',
      '2024 Natural persons: 7',
      '2024 Legal persons: 3',
    ]);
    const labels = all.filter((e) => e.tagName === 'text' && e.attrs.some((a) => a.name === 'text-anchor' && a.value === 'middle'));
    expect(labels.map(textOf)).toEqual(['2022', '2023', '2024']);
  });

  it('grouped bars sit side by side, and a rate line gets its labelled points', () => {
    const s = spec({ mode: 'grouped', line: { key: 'r', label: 'Rate', color: '#a51d1d', values: [0.5, null, 1] } });
    const all = elements(parseFragment(staticChartSvg(s)));
    const rects = all.filter((e) => e.tagName === 'rect');
    const x = (e: Element) => Number(e.attrs.find((a) => a.name === 'x')?.value);
    expect(rects).toHaveLength(4);
    expect(x(rects[1]!)).toBeGreaterThan(x(rects[0]!));
    expect(all.filter((e) => e.tagName === 'circle')).toHaveLength(2);
    expect(all.filter((e) => e.tagName === 'text').map(textOf)).toEqual(expect.arrayContaining(['50%', '100%']));
  });

  it('escapes every text and never emits a colour that is not one', () => {
    const evil = '<script>alert("x")</script>&\'';
    const svg = staticChartSvg(
      spec({
        series: [{ key: 'a', label: evil, color: '"><script>alert(1)</script>' }],
        rows: [{ category: `2024 ${evil}`, values: { a: 1 } }],
      }),
    );
    expect(svg).not.toContain('<script');
    const all = elements(parseFragment(svg));
    expect(all.some((e) => e.tagName === 'script')).toBe(false);
    const rect = all.find((e) => e.tagName === 'rect')!;
    expect(rect.attrs.find((a) => a.name === 'fill')?.value).toBe('#777');
    expect(textOf(rect)).toBe(`2024 ${evil} ${evil}: 1`);
    expect(all.filter((e) => e.tagName === 'tspan').map(textOf)).toEqual(['2024', evil]);
    expect(escapeMarkup(`<&>"'`)).toBe('&lt;&amp;&gt;&quot;&#39;');
  });

  it('draws an empty frame for no rows', () => {
    const all = elements(parseFragment(staticChartSvg(spec({ rows: [] }))));
    expect(all.filter((e) => e.tagName === 'rect')).toHaveLength(0);
    expect(all[0]!.tagName).toBe('svg');
  });
});
