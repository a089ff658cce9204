import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ForbiddenState } from './forbidden-state.js';

afterEach(cleanup);

describe('ForbiddenState', () => {
  it('tells the user their role cannot see this, in Chinese by default', () => {
    render(<ForbiddenState requestId="req-7" />);

    expect(screen.getByRole('heading', { name: '没有权限' })).toBeTruthy();
    expect(screen.getByTestId('forbidden').textContent).toContain('req-7');
  });

  it('takes its own words and an action', () => {
    render(<ForbiddenState title="不能调整库存" action={<button>返回列表</button>} />);

    expect(screen.getByRole('heading', { name: '不能调整库存' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '返回列表' })).toBeTruthy();
  });
});
