import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider, useLocale, useT } from './i18n.js';
import { createTranslate, resolveLocale } from './translate.js';

afterEach(cleanup);

function Greeting({ k = 'hello' }: { k?: string }) {
  const t = useT();
  return (
    <p>
      {t(k, { name: '小麦' })}|{useLocale()}
    </p>
  );
}

const messages = {
  'zh-CN': { hello: '你好，{name}', onlyZh: '只有中文' },
  en: { hello: 'Hello, {name}' },
};

describe('useT', () => {
  it('speaks Simplified Chinese by default', () => {
    render(
      <I18nProvider messages={messages}>
        <Greeting />
      </I18nProvider>,
    );
    expect(screen.getByText('你好，小麦|zh-CN')).toBeTruthy();
  });

  it('switches to English for an en-* locale and fills placeholders', () => {
    render(
      <I18nProvider locale="en-US" messages={messages}>
        <Greeting />
      </I18nProvider>,
    );
    expect(screen.getByText('Hello, 小麦|en')).toBeTruthy();
  });

  it('falls back to Chinese, then to the key, when a translation is missing', () => {
    render(
      <I18nProvider locale="en" messages={messages}>
        <Greeting k="onlyZh" />
        <Greeting k="nobody.wrote.this" />
      </I18nProvider>,
    );
    expect(screen.getByText('只有中文|en')).toBeTruthy();
    expect(screen.getByText('nobody.wrote.this|en')).toBeTruthy();
  });

  it('knows the kit strings without a provider', () => {
    render(<Greeting k="kit.retry" />);
    expect(screen.getByText('重试|zh-CN')).toBeTruthy();
  });
});

describe('resolveLocale', () => {
  it('maps any tag to a shipped locale', () => {
    expect(resolveLocale('en-GB')).toBe('en');
    expect(resolveLocale('zh-Hans-CN')).toBe('zh-CN');
    expect(resolveLocale('fr')).toBe('zh-CN');
    expect(resolveLocale(undefined)).toBe('zh-CN');
  });
});

describe('createTranslate', () => {
  const counted = {
    'zh-CN': { products: { other: '共 {count} 件商品' } },
    en: { products: { one: '{count} product', other: '{count} products' } },
  };

  it('says one product, not 1 products, in English', () => {
    const t = createTranslate('en-US', counted);
    expect(t('products', { count: 1 })).toBe('1 product');
    expect(t('products', { count: 0 })).toBe('0 products');
    expect(t('products', { count: 2 })).toBe('2 products');
  });

  it('shows the count formatted for the language', () => {
    expect(createTranslate('en', counted)('products', { count: 1234 })).toBe('1,234 products');
    expect(createTranslate('zh-CN', counted)('products', { count: 1 })).toBe('共 1 件商品');
  });

  it('uses the other form when no count is given or the language lacks the category', () => {
    const t = createTranslate('en', { en: { files: { other: '{count} files' } } });
    expect(t('files', { count: 1 })).toBe('1 files');
    expect(createTranslate('en', { en: { plain: 'Page {count}' } })('plain', { count: 1200 })).toBe(
      'Page 1,200',
    );
    expect(createTranslate('en', counted)('products')).toBe('{count} products');
  });

  it('makes no number format for a screen without large counts, and one per language at most', () => {
    const made = vi.spyOn(Intl, 'NumberFormat');
    try {
      const translators = [1, 2, 3].map(() => createTranslate('zh-CN', counted));
      for (const t of translators) t('hello');
      expect(made).not.toHaveBeenCalled();
      // Under a thousand a count is written alike in every shipped language: no format either.
      for (const t of translators) expect(t('products', { count: 3 })).toBe('共 3 件商品');
      expect(made).not.toHaveBeenCalled();
      for (const t of translators) expect(t('products', { count: 12345 })).toBe('共 12,345 件商品');
      expect(made.mock.calls.length).toBeLessThanOrEqual(1);
    } finally {
      made.mockRestore();
    }
  });
});
