import { describe, expect, it } from 'vitest';
import { formatBytes, formatRatio, markdownTable, median, percentile } from './stats.js';

describe('percentile', () => {
  it('takes the nearest rank', () => {
    const samples = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(samples, 50)).toBe(5);
    expect(percentile(samples, 99)).toBe(10);
    expect(percentile(samples, 0)).toBe(1);
  });

  it('is NaN without samples', () => {
    expect(percentile([], 50)).toBeNaN();
  });

  it('gives the middle sample as the median of an odd count', () => {
    expect(median([300, 100, 200])).toBe(200);
  });
});

describe('formatRatio', () => {
  it('prints two decimals and a times sign', () => {
    expect(formatRatio(150, 100)).toBe('1.50×');
  });

  it('prints a dash when the other side is zero or missing', () => {
    expect(formatRatio(1, 0)).toBe('–');
    expect(formatRatio(Number.NaN, 1)).toBe('–');
  });
});

describe('formatBytes', () => {
  it('uses binary units', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(2048)).toBe('2.0 KiB');
    expect(formatBytes(3 * 1024 * 1024)).toBe('3.0 MiB');
  });
});

describe('markdownTable', () => {
  it('puts a separator row under the header', () => {
    expect(markdownTable(['a', 'b'], [['1', '2']])).toBe('| a | b |\n| --- | --- |\n| 1 | 2 |');
  });
});
