import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Select } from './select.js';

afterEach(cleanup);

const warehouses = [
  { value: 'w1', label: '前店' },
  { value: 'w2', label: '后仓' },
];

describe('Select', () => {
  it('offers a placeholder while nothing is chosen and reports the choice', () => {
    const onChange = vi.fn();
    render(<Select label="仓库" value="" onChange={onChange} options={warehouses} />);

    const select = screen.getByRole('combobox', { name: '仓库' });
    expect(screen.getByRole('option', { name: '请选择' })).toBeTruthy();

    fireEvent.change(select, { target: { value: 'w2' } });

    expect(onChange).toHaveBeenCalledWith('w2');
  });

  it('shows an error under the select', () => {
    render(
      <Select
        label="调入仓库"
        value="w1"
        onChange={vi.fn()}
        options={warehouses}
        error="不能相同"
      />,
    );

    expect(screen.getByRole('combobox', { name: '调入仓库' }).getAttribute('aria-invalid')).toBe(
      'true',
    );
    expect(screen.getByText('不能相同')).toBeTruthy();
  });
});
