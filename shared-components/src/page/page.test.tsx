import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Page, PageHeader } from './page.js';

afterEach(cleanup);

describe('Page and PageHeader', () => {
  it('gives the page one h1 with its subtitle and actions', () => {
    render(
      <Page testId="p">
        <PageHeader title="库存" subtitle="小麦便利店" actions={<button>新建商品</button>} />
      </Page>,
    );

    expect(screen.getByRole('heading', { level: 1, name: '库存' })).toBeTruthy();
    expect(screen.getByText('小麦便利店')).toBeTruthy();
    expect(screen.getByRole('button', { name: '新建商品' })).toBeTruthy();
  });
});
