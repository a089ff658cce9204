import { useT } from '../i18n/i18n.js';

export interface SpinnerProps {
  /**
   * Text read by screen readers and shown next to the spinner.
   * @default '加载中…'
   */
  label?: string;
}

/** Indeterminate progress, announced politely. */
export function Spinner({ label }: SpinnerProps): React.JSX.Element {
  const t = useT();
  return (
    <div className="mosaic-spinner" role="status" aria-live="polite">
      <span className="mosaic-spinner__circle" aria-hidden="true" />
      <span className="mosaic-spinner__label">{label ?? t('kit.loading')}</span>
    </div>
  );
}
