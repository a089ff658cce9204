import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '../i18n/i18n.js';
import { Skeleton } from './skeleton.js';

afterEach(cleanup);

describe('Skeleton', () => {
  it('announces loading once and hides its bars from assistive tech', () => {
    const { container } = render(<Skeleton lines={4} />);

    expect(screen.getByRole('status').textContent).toBe('加载中…');
    expect(screen.getByRole('status').getAttribute('aria-busy')).toBe('true');
    const bars = container.querySelectorAll('.mosaic-skeleton__bar');
    expect(bars).toHaveLength(4);
    expect([...bars].every((bar) => bar.getAttribute('aria-hidden') === 'true')).toBe(true);
  });

  it('speaks the provider language', () => {
    render(
      <I18nProvider locale="en">
        <Skeleton variant="rows" />
      </I18nProvider>,
    );

    expect(screen.getByRole('status').textContent).toBe('Loading…');
  });
});
