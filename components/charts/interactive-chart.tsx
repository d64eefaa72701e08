'use client';

import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { maxValue, niceTicks } from '@/lib/chart-scale';
import { formatCompact, formatNumber, formatPercent } from '@/lib/format';
import type { ChartSpec } from './types';

/**
 * The interactive chart (tooltips, hover): recharts, loaded only once the reader points at or focuses a chart, so
 * the page's first load carries no chart code. Same ticks as the static SVG it replaces.
 */
export default function InteractiveChart({ spec }: { spec: ChartSpec }) {
  const keys = spec.series.map((s) => s.key);
  const ticks = niceTicks(maxValue(keys, spec.rows.map((r) => r.values), spec.mode === 'stacked'));
  const data = spec.rows.map((r, i) => ({
    category: r.category,
    ...r.values,
    ...(spec.line ? { [spec.line.key]: spec.line.values[i] ?? null } : {}),
  }));
  const rateKey = spec.line?.key;
  return (
    <ResponsiveContainer width="100%" height="100%">
      <ComposedChart data={data} margin={{ top: 12, right: spec.line ? 8 : 48, bottom: 4, left: 0 }}>
        <CartesianGrid stroke="#e3e6ea" vertical={false} />
        <XAxis dataKey="category" tick={{ fontSize: 12 }} />
        <YAxis
          yAxisId="count"
          ticks={ticks}
          domain={[0, ticks.at(-1) ?? 1]}
          tickFormatter={(v: number) => formatCompact(v, spec.locale)}
          tick={{ fontSize: 11 }}
          width={52}
          allowDecimals={false}
        />
        {spec.line && (
          <YAxis
            yAxisId="rate"
            orientation="right"
            domain={[0, 1]}
            ticks={[0, 0.5, 1]}
            tickFormatter={(v: number) => formatPercent(v, spec.locale, 0)}
            tick={{ fontSize: 11 }}
            width={48}
          />
        )}
        <Tooltip
          formatter={(value, name) => {
            const v = typeof value === 'number' ? value : null;
            return name === spec.line?.label ? formatPercent(v, spec.locale) : formatNumber(v, spec.locale);
          }}
        />
        {spec.series.map((s) => (
          <Bar
            key={s.key}
            yAxisId="count"
            dataKey={s.key}
            name={s.label}
            fill={s.color}
            stackId={spec.mode === 'stacked' ? 'stack' : undefined}
            maxBarSize={56}
            isAnimationActive={false}
          />
        ))}
        {spec.line && rateKey && (
          <Line
            yAxisId="rate"
            dataKey={rateKey}
            name={spec.line.label}
            stroke="none"
            dot={{ r: 4, fill: '#fff', stroke: spec.line.color, strokeWidth: 2 }}
            activeDot={{ r: 5, fill: spec.line.color }}
            connectNulls={false}
            isAnimationActive={false}
          />
        )}
      </ComposedChart>
    </ResponsiveContainer>
  );
}
