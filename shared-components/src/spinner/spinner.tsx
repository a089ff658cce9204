export interface SpinnerProps {
  /**
   * Text read by screen readers and shown next to the spinner.
   * @default '加载中…'
   */
  label?: string;
}

/** Indeterminate progress, announced politely. */
export function Spinner({ label = '加载中…' }: SpinnerProps): React.JSX.Element {
  return (
    <div className="mosaic-spinner" role="status" aria-live="polite">
      <span className="mosaic-spinner__circle" aria-hidden="true" />
      <span className="mosaic-spinner__label">{label}</span>
    </div>
  );
}
