import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FormError } from './form-error.js';
import { FormField } from './form-field.js';

afterEach(cleanup);

describe('FormField', () => {
  it('names its control by the label and reads hint and error with it', () => {
    render(
      <FormField label="数量" hint="正数入库" error="库存不足" required>
        {(control) => <input {...control} />}
      </FormField>,
    );

    const input = screen.getByRole('textbox', { name: /数量/ });
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.hasAttribute('required')).toBe(true);
    const described = (input.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent);
    expect(described).toEqual(['库存不足', '正数入库']);
  });

  it('is not invalid without an error', () => {
    render(<FormField label="名称">{(control) => <input {...control} />}</FormField>);

    expect(screen.getByRole('textbox', { name: '名称' }).hasAttribute('aria-invalid')).toBe(false);
  });
});

describe('FormError', () => {
  it('announces the message with its request id', () => {
    render(<FormError message="保存失败" requestId="req-9" />);

    expect(screen.getByRole('alert').textContent).toBe('保存失败 (请求 ID: req-9)');
  });

  it('renders nothing without a message', () => {
    const { container } = render(<FormError message={undefined} />);

    expect(container.innerHTML).toBe('');
  });
});
