import { describe, expect, it } from 'vitest';
import {
  formatCompact,
  formatDate,
  formatDelta,
  formatNumber,
  formatPercent,
  formatPercentChange,
  formatYuan,
} from '../../lib/format';

describe('format', () => {
  it('groups digits and prints a dash for missing values', () => {
    expect(formatNumber(12345, 'en')).toBe('12,345');
    expect(formatNumber(12345, 'zh')).toBe('12,345');
    expect(formatNumber(1.256, 'en')).toBe('1.26');
    expect(formatNumber(null, 'zh')).toBe('—');
    expect(formatNumber(Number.NaN, 'en')).toBe('—');
  });
  it('formats proportions as percentages with one decimal', () => {
    expect(formatPercent(0.4567, 'en')).toBe('45.7%');
    expect(formatPercent(0.4567, 'zh')).toBe('45.7%');
    expect(formatPercent(1, 'en')).toBe('100.0%');
    expect(formatPercent(null, 'en')).toBe('—');
  });
  it('signs changes with a true minus', () => {
    expect(formatDelta(12, 'en')).toBe('+12');
    expect(formatDelta(-3, 'en')).toBe('−3');
    expect(formatDelta(0, 'en')).toBe('0');
    expect(formatPercentChange(-0.03, 'zh')).toBe('−3.0%');
    expect(formatPercentChange(0.125, 'en')).toBe('+12.5%');
  });
  it('compacts large axis values per locale', () => {
    expect(formatCompact(12000, 'en')).toBe('12K');
    expect(formatCompact(12000, 'zh')).toBe('1.2万');
  });
  it('formats ISO dates without shifting the day', () => {
    expect(formatDate('2023-01-31', 'zh')).toBe('2023年1月31日');
    expect(formatDate('2023-01-31', 'en')).toBe('31 January 2023');
    expect(formatDate(null, 'en')).toBe('—');
    expect(formatDate('not a date', 'en')).toBe('—');
  });
  it('formats yuan', () => {
    expect(formatYuan(1234, 'zh')).toBe('1,234 元');
    expect(formatYuan(1234, 'en')).toBe('¥1,234');
  });
});
