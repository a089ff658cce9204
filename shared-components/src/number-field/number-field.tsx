import { TextField } from '../text-field/text-field.js';
import type { TextFieldProps } from '../text-field/text-field.js';

/** '12' → 12, '-3' → -3; anything that is not a whole number → undefined. */
export function parseInteger(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^[-+]?\d+$/.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return Number.isSafeInteger(value) ? value : undefined;
}

export interface NumberFieldProps extends Omit<TextFieldProps, 'type'> {
  /** Allow a leading minus (signed changes such as stock adjustments). @default false */
  signed?: boolean;
}

/**
 * A whole-number input (quantities). `value` is the text as typed, so '-' and '' survive
 * while the user types; read it with parseInteger. A text input with a numeric keyboard
 * rather than type=number, which drops '-' mid-typing and changes value on scroll.
 */
export function NumberField({ signed = false, ...rest }: NumberFieldProps): React.JSX.Element {
  return (
    <TextField
      inputMode={signed ? 'text' : 'numeric'}
      pattern={signed ? '[-+]?[0-9]*' : '[0-9]*'}
      autoComplete="off"
      {...rest}
    />
  );
}
