import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Stack } from './stack.js';

afterEach(cleanup);

describe('Stack', () => {
  it('spaces children by a theme step', () => {
    render(
      <Stack direction="row" gap={4} data-testid="s">
        <span>a</span>
      </Stack>,
    );

    const stack = screen.getByTestId('s');
    expect(stack.className).toContain('mosaic-stack--row');
    expect(stack.style.gap).toBe('var(--mosaic-space-4)');
  });
});
