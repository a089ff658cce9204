import type { EventPayload } from '@mosaic/build-kit';
import { useEffect, useState } from 'react';
import { shellBus } from '../bus/message-hub.js';
import { useLocale } from '../i18n/locale-context.js';

interface Toast extends EventPayload<'toast.show'> {
  id: number;
  source: string;
}

const MAX_VISIBLE = 4;
const DEFAULT_MS = 5000;

/**
 * Shows what any app publishes on `toast.show`, in one live region the screen reader
 * announces. Errors stay until dismissed unless the app gave a duration.
 */
export function ToastRegion(): React.JSX.Element {
  const { t } = useLocale();
  const [toasts, setToasts] = useState<Toast[]>([]);

  useEffect(() => {
    let nextId = 0;
    const timers = new Set<ReturnType<typeof setTimeout>>();
    const off = shellBus.subscribe('toast.show', (payload, { source }) => {
      const id = ++nextId;
      setToasts((list) => [...list, { ...payload, id, source }].slice(-MAX_VISIBLE));
      const ms = payload.durationMs ?? (payload.tone === 'error' ? undefined : DEFAULT_MS);
      if (ms !== undefined) {
        const timer = setTimeout(() => {
          timers.delete(timer);
          setToasts((list) => list.filter((toast) => toast.id !== id));
        }, ms);
        timers.add(timer);
      }
    });
    return () => {
      off();
      for (const timer of timers) clearTimeout(timer);
    };
  }, []);

  return (
    <section className="shell-toasts" aria-label={t('notifications')} aria-live="polite">
      {toasts.map((toast) => (
        <div
          key={toast.id}
          className={`shell-toast is-${toast.tone ?? 'info'}`}
          role={toast.tone === 'error' ? 'alert' : 'status'}
          data-source={toast.source}
        >
          <span>{toast.message}</span>
          <button
            type="button"
            className="shell-toast-close"
            aria-label={t('dismiss')}
            onClick={() => setToasts((list) => list.filter((x) => x.id !== toast.id))}
          >
            ×
          </button>
        </div>
      ))}
    </section>
  );
}
