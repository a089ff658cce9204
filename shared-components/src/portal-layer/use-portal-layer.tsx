import { useCallback, useState } from 'react';
import type { ReactNode } from 'react';
import { createPortal } from 'react-dom';

/**
 * The overlay layer a Mosaic shell gives each app inside the app's box: an element
 * `[data-mosaic-portal="<app name>"]` that also carries the app's CSS scope
 * (`data-mosaic-app`). Found from `anchor`, an element inside the app.
 */
export function findPortalLayer(anchor: Element): HTMLElement | null {
  const name = anchor.closest('[data-mosaic-app]')?.getAttribute('data-mosaic-app');
  if (!name) return null;
  return anchor.ownerDocument.querySelector<HTMLElement>(
    `[data-mosaic-portal="${CSS.escape(name)}"]`,
  );
}

export interface PortalLayer {
  /** Render this where the overlay is used: it finds the app's layer. */
  anchor: ReactNode;
  /** `children` in the app's layer when there is one (inside a shell), else in place. */
  render: (children: ReactNode) => ReactNode;
}

/**
 * Renders overlays (dialogs, toasts) in the app's portal layer when the shell gives one, so
 * they are not clipped by the app's scroll box and stay under its CSS scope; standalone or in
 * an older shell, in place.
 */
export function usePortalLayer(): PortalLayer {
  const [layer, setLayer] = useState<HTMLElement | null>(null);
  const ref = useCallback((element: HTMLSpanElement | null) => {
    setLayer(element ? findPortalLayer(element) : null);
  }, []);
  return {
    anchor: <span ref={ref} hidden data-mosaic-portal-anchor="" />,
    render: (children) => (layer ? createPortal(children, layer) : children),
  };
}
