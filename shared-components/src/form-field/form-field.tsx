import { useId } from 'react';
import type { ReactNode } from 'react';
import './form-field.css';

/** What a FormField hands its control so label, hint and error are wired for screen readers. */
export interface FieldControlProps {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
  required: boolean | undefined;
}

export interface FormFieldProps {
  /** The visible label; also the control's accessible name. */
  label: string;
  /** Help under the control, e.g. '正数入库，负数出库'. */
  hint?: string;
  /** The field's error (from the server's field errors or local checks); marks the control invalid. */
  error?: string;
  required?: boolean;
  /** Renders the control with the wiring props spread on it. */
  children: (control: FieldControlProps) => ReactNode;
}

/** Label + control + hint + error text, linked with ids so assistive tech reads them together. */
export function FormField({
  label,
  hint,
  error,
  required,
  children,
}: FormFieldProps): React.JSX.Element {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'mosaic-field mosaic-field--invalid' : 'mosaic-field'}>
      <label className="mosaic-field__label" htmlFor={id}>
        {label}
        {required && (
          <span className="mosaic-field__required" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </label>
      {children({
        id,
        'aria-describedby': describedBy,
        'aria-invalid': error ? true : undefined,
        required,
      })}
      {hint && (
        <p className="mosaic-field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="mosaic-field__error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}
