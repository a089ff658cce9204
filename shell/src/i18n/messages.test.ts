import { createTranslate } from '@mosaic/shared-components';
import { describe, expect, it } from 'vitest';
import { isLocale, shellMessages } from './messages.js';

describe('the frame messages', () => {
  it('fill placeholders in the chosen language', () => {
    expect(createTranslate('zh-CN', shellMessages)('loadingApp', { app: '库存' })).toBe(
      '正在加载 库存…',
    );
  });

  it('count seconds with the language plural rules', () => {
    const t = createTranslate('en-US', shellMessages);
    expect(t('rateLimited', { count: 1 })).toBe('Too many attempts: try again in 1 second.');
    expect(t('rateLimited', { count: 30 })).toBe('Too many attempts: try again in 30 seconds.');
    expect(createTranslate('zh-CN', shellMessages)('rateLimited', { count: 1 })).toBe(
      '尝试次数过多，请 1 秒后再试。',
    );
  });

  it('have every English key the Chinese has, and no Chinese in English', () => {
    const zh = shellMessages['zh-CN'] ?? {};
    const en = shellMessages.en ?? {};
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    expect(JSON.stringify(en)).not.toMatch(/\p{Script=Han}/u);
  });

  it('know only the languages they have messages for', () => {
    expect(isLocale('en-US')).toBe(true);
    expect(isLocale('fr-FR')).toBe(false);
  });
});
