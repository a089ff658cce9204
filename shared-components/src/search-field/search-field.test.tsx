import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SearchField } from './search-field.js';

afterEach(cleanup);

describe('SearchField', () => {
  it('is a search box that reports what the user types', () => {
    const onChange = vi.fn();
    render(<SearchField label="搜索商品" value="" onChange={onChange} placeholder="名称或条码" />);

    const box = screen.getByRole('searchbox', { name: '搜索商品' });
    fireEvent.change(box, { target: { value: '可乐' } });

    expect(onChange).toHaveBeenCalledWith('可乐');
    expect(box.getAttribute('placeholder')).toBe('名称或条码');
  });

  it('offers no autofill list over the results', () => {
    render(<SearchField label="客户" value="" onChange={vi.fn()} />);

    expect(screen.getByRole('searchbox', { name: '客户' }).getAttribute('autocomplete')).toBe(
      'off',
    );
  });

  it('shows an error under the box', () => {
    render(<SearchField label="客户" value="" onChange={vi.fn()} error="请选择客户" />);

    const box = screen.getByRole('searchbox', { name: '客户' });
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('请选择客户').id).toBe(box.getAttribute('aria-describedby'));
  });
});
