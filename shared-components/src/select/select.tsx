import type { SelectHTMLAttributes } from 'react';
import { FormField } from '../form-field/form-field.js';
import { useT } from '../i18n/i18n.js';

export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

export interface SelectProps extends Omit<
  SelectHTMLAttributes<HTMLSelectElement>,
  'id' | 'value' | 'onChange'
> {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly SelectOption[];
  /** First, empty choice, e.g. '全部分类'; defaults to '请选择' when the value is ''. */
  placeholder?: string;
  hint?: string;
  error?: string;
}

/** A labelled native select: the phone's own picker, keyboard support for free. */
export function Select({
  label,
  hint,
  error,
  required,
  value,
  onChange,
  options,
  placeholder,
  className,
  ...rest
}: SelectProps): React.JSX.Element {
  const t = useT();
  return (
    <FormField label={label} hint={hint} error={error} required={required}>
      {(control) => (
        <select
          {...rest}
          {...control}
          className={['mosaic-input', 'mosaic-select', className].filter(Boolean).join(' ')}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        >
          {(placeholder !== undefined || value === '') && (
            <option value="">{placeholder ?? t('kit.select.placeholder')}</option>
          )}
          {options.map((option) => (
            <option key={option.value} value={option.value} disabled={option.disabled}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}
