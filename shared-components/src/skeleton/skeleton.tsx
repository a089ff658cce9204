import { useT } from '../i18n/i18n.js';
import './skeleton.css';

export interface SkeletonProps {
  /**
   * Grey bars standing in for this many lines (or rows, with `variant="rows"`).
   * @default 3
   */
  lines?: number;
  /** 'text' lines of varied width, or full-width 'rows' like a table loading. @default 'text' */
  variant?: 'text' | 'rows';
  /** Read by screen readers instead of the bars. @default '加载中…' */
  label?: string;
}

/** The shape of content before it arrives: one announcement, bars hidden from assistive tech. */
export function Skeleton({ lines = 3, variant = 'text', label }: SkeletonProps): React.JSX.Element {
  const t = useT();
  return (
    <div className={`mosaic-skeleton mosaic-skeleton--${variant}`} role="status" aria-busy="true">
      <span className="mosaic-visually-hidden">{label ?? t('kit.loading')}</span>
      {Array.from({ length: lines }, (_, i) => (
        <span key={i} className="mosaic-skeleton__bar" aria-hidden="true" />
      ))}
    </div>
  );
}
