import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { reactLifecycles } from './react-lifecycles.js';

describe('reactLifecycles', () => {
  it('renders into the container, re-renders with a new context, and empties it on unmount', () => {
    const container = document.createElement('div');
    const app = reactLifecycles((ctx: { container: HTMLElement; locale: string }) => (
      <p>{ctx.locale}</p>
    ));
    act(() => app.mount({ container, locale: 'zh-CN' }));
    expect(container.textContent).toBe('zh-CN');
    act(() => app.update({ container, locale: 'en' }));
    expect(container.textContent).toBe('en');
    act(() => app.unmount({ container, locale: 'en' }));
    expect(container.innerHTML).toBe('');
  });
});
