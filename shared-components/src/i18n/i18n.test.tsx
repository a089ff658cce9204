import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider, resolveLocale, useLocale, useT } from './i18n.js';

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
