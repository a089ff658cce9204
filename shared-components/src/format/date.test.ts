import { describe, expect, it } from 'vitest';
import { formatDate } from './date.js';

describe('formatDate', () => {
  it('shows the date in China time whatever the browser zone', () => {
    // 16:30 UTC is already the next day in Shanghai
    expect(formatDate('2025-03-01T16:30:00Z')).toBe('2025/03/02');
  });

  it('adds hours and minutes on a 24-hour clock when asked', () => {
    expect(formatDate('2025-03-01T06:05:00Z', { time: true })).toBe('2025/03/01 14:05');
  });

  it('follows the locale', () => {
    expect(formatDate('2025-03-01T06:05:00Z', { locale: 'en-US' })).toBe('03/01/2025');
  });

  it('returns input it cannot parse unchanged, and a dash for nothing', () => {
    expect(formatDate('not a date')).toBe('not a date');
    expect(formatDate(undefined)).toBe('—');
  });
});
