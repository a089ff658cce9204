import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Button } from './button.js';

afterEach(cleanup);

describe('Button', () => {
  it('does not submit forms unless asked to', () => {
    render(
      <>
        <Button>取消</Button>
        <Button type="submit" variant="primary">
          登录
        </Button>
      </>,
    );

    expect(screen.getByRole('button', { name: '取消' }).getAttribute('type')).toBe('button');
    expect(screen.getByRole('button', { name: '登录' }).getAttribute('type')).toBe('submit');
  });
});
