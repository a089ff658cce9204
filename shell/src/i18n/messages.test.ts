import { describe, expect, it } from 'vitest';
import { isLocale, translate } from './messages.js';

describe('translate', () => {
  it('fills placeholders in the chosen language', () => {
    expect(translate('en-US', 'rateLimited', { seconds: 30 })).toBe(
      'Too many attempts: try again in 30 s.',
    );
    expect(translate('zh-CN', 'loadingApp', { app: '库存' })).toBe('正在加载 库存…');
  });

  it('knows only the languages it has messages for', () => {
    expect(isLocale('en-US')).toBe(true);
    expect(isLocale('fr-FR')).toBe(false);
  });
});
