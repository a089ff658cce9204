import { TextField } from '../text-field/text-field.js';
import type { TextFieldProps } from '../text-field/text-field.js';

export type SearchFieldProps = Omit<TextFieldProps, 'type'>;

/**
 * A labelled search box: `type="search"` (a phone shows its search key, Escape clears it) and no
 * autofill list over the results, the same in every app.
 */
export function SearchField(props: SearchFieldProps): React.JSX.Element {
  return <TextField autoComplete="off" {...props} type="search" />;
}
