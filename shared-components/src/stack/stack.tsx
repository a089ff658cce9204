import type { CSSProperties, HTMLAttributes } from 'react';
import './stack.css';

export interface StackProps extends HTMLAttributes<HTMLDivElement> {
  /** 'column' stacks children, 'row' lines them up and wraps. @default 'column' */
  direction?: 'row' | 'column';
  /** Gap as a theme space step: 1, 2, 3, 4 or 6 (`--mosaic-space-N`). @default 3 */
  gap?: 1 | 2 | 3 | 4 | 6;
  /** Cross-axis alignment. @default 'stretch' for columns, 'center' for rows */
  align?: CSSProperties['alignItems'];
  /** Main-axis distribution. @default 'flex-start' */
  justify?: CSSProperties['justifyContent'];
}

/** Flex layout with theme gaps; the one layout primitive most screens need. */
export function Stack({
  direction = 'column',
  gap = 3,
  align,
  justify,
  className,
  style,
  ...rest
}: StackProps): React.JSX.Element {
  return (
    <div
      className={['mosaic-stack', `mosaic-stack--${direction}`, className]
        .filter(Boolean)
        .join(' ')}
      style={{
        gap: `var(--mosaic-space-${gap})`,
        alignItems: align ?? (direction === 'row' ? 'center' : 'stretch'),
        justifyContent: justify,
        ...style,
      }}
      {...rest}
    />
  );
}
