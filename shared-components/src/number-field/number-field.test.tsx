import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NumberField, parseInteger } from './number-field.js';

afterEach(cleanup);

describe('NumberField', () => {
  it('keeps a half-typed minus so signed changes can be entered', () => {
    const onChange = vi.fn();
    render(<NumberField label="调整数量" value="" onChange={onChange} signed />);

    fireEvent.change(screen.getByRole('textbox', { name: '调整数量' }), {
      target: { value: '-' },
    });

    expect(onChange).toHaveBeenCalledWith('-');
  });

  it('asks phones for the numeric keyboard for unsigned counts', () => {
    render(<NumberField label="数量" value="3" onChange={vi.fn()} />);

    expect(screen.getByRole('textbox', { name: '数量' }).getAttribute('inputmode')).toBe('numeric');
  });
});

describe('parseInteger', () => {
  it('accepts whole numbers only', () => {
    expect(parseInteger(' 12 ')).toBe(12);
    expect(parseInteger('-3')).toBe(-3);
    expect(parseInteger('1.5')).toBeUndefined();
    expect(parseInteger('-')).toBeUndefined();
    expect(parseInteger('')).toBeUndefined();
    expect(parseInteger('1e3')).toBeUndefined();
  });
});
