import { useEffect, useId, useRef } from 'react';
import type { ReactNode } from 'react';
import { useT } from '../i18n/i18n.js';
import { usePortalLayer } from '../portal-layer/use-portal-layer.js';
import './dialog.css';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export interface DialogProps {
  /** Shows the dialog; focus moves in on open and back to where it was on close. */
  open: boolean;
  /** Called on Esc, the close button and a click on the backdrop. */
  onClose: () => void;
  /** Heading and accessible name. */
  title: string;
  /** A line under the title, read as the dialog's description. */
  description?: string;
  children: ReactNode;
  /** Buttons at the bottom, e.g. cancel and submit. */
  footer?: ReactNode;
  /** Attribute for tests. */
  testId?: string;
}

/**
 * A modal dialog in the app's portal layer when the shell gives one (inside the app's box,
 * under its CSS scope), else in place: focus is trapped inside, Esc closes, and focus
 * returns to the opener.
 */
export function Dialog(props: DialogProps): React.JSX.Element {
  const layer = usePortalLayer();
  return (
    <>
      {layer.anchor}
      {props.open && layer.render(<OpenDialog {...props} />)}
    </>
  );
}

function OpenDialog({
  onClose,
  title,
  description,
  children,
  footer,
  testId,
}: DialogProps): React.JSX.Element {
  const t = useT();
  const id = useId();
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    const body = panel.current?.querySelector('.mosaic-dialog__body');
    const first = body?.querySelector<HTMLElement>(FOCUSABLE);
    (first ?? panel.current)?.focus();
    return () => opener?.focus?.();
  }, []);

  // On the document, not the panel: a submit button that disables itself while saving drops
  // focus to <body>, and Esc and Tab must still work then.
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      const root = panel.current;
      if (!root) return;
      if (event.key === 'Escape') {
        event.stopPropagation();
        close.current();
        return;
      }
      if (event.key !== 'Tab') return;
      const focusable = [...root.querySelectorAll<HTMLElement>(FOCUSABLE)];
      const first = focusable[0];
      const last = focusable[focusable.length - 1];
      if (!first || !last) return;
      const active = document.activeElement;
      if (!root.contains(active)) {
        event.preventDefault();
        (event.shiftKey ? last : first).focus();
      } else if (event.shiftKey && active === first) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && active === last) {
        event.preventDefault();
        first.focus();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <div
      className="mosaic-dialog__backdrop"
      onMouseDown={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
    >
      <div
        ref={panel}
        className="mosaic-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        aria-describedby={description ? `${id}-description` : undefined}
        tabIndex={-1}
        data-testid={testId}
      >
        <header className="mosaic-dialog__header">
          <h2 className="mosaic-dialog__title" id={`${id}-title`}>
            {title}
          </h2>
          <button
            type="button"
            className="mosaic-dialog__close"
            aria-label={t('kit.close')}
            onClick={onClose}
          >
            ×
          </button>
        </header>
        {description && (
          <p className="mosaic-dialog__description" id={`${id}-description`}>
            {description}
          </p>
        )}
        <div className="mosaic-dialog__body">{children}</div>
        {footer && <footer className="mosaic-dialog__footer">{footer}</footer>}
      </div>
    </div>
  );
}
