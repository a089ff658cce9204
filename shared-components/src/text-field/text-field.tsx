import type { InputHTMLAttributes } from 'react';
import { FormField } from '../form-field/form-field.js';

export interface TextFieldProps extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'id' | 'value' | 'onChange'
> {
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  /** Error text under the field; marks it invalid. */
  error?: string;
}

/** A labelled text input with hint and error text. */
export function TextField({
  label,
  hint,
  error,
  required,
  value,
  onChange,
  className,
  ...rest
}: TextFieldProps): React.JSX.Element {
  return (
    <FormField label={label} hint={hint} error={error} required={required}>
      {(control) => (
        <input
          type="text"
          {...rest}
          {...control}
          className={['mosaic-input', className].filter(Boolean).join(' ')}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </FormField>
  );
}
