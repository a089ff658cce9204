import type { ButtonHTMLAttributes } from 'react';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  /**
   * Visual weight.
   * @default 'secondary'
   */
  variant?: 'primary' | 'secondary' | 'ghost';
}

/** A button; `type` defaults to 'button' so it never submits a form by accident. */
export function Button({
  variant = 'secondary',
  type = 'button',
  className,
  ...rest
}: ButtonProps): React.JSX.Element {
  const classes = ['mosaic-button', `mosaic-button--${variant}`, className].filter(Boolean);
  return <button type={type} className={classes.join(' ')} {...rest} />;
}
