import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TextField } from './text-field.js';

afterEach(cleanup);

describe('TextField', () => {
  it('reports what the user types', () => {
    const onChange = vi.fn();
    render(<TextField label="商品名称" value="" onChange={onChange} />);

    fireEvent.change(screen.getByRole('textbox', { name: '商品名称' }), {
      target: { value: '可乐' },
    });

    expect(onChange).toHaveBeenCalledWith('可乐');
  });

  it('shows the server error under the field', () => {
    render(<TextField label="SKU" value="A1" onChange={vi.fn()} error="SKU 已存在" />);

    const input = screen.getByRole('textbox', { name: 'SKU' });
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('SKU 已存在').id).toBe(input.getAttribute('aria-describedby'));
  });
});
