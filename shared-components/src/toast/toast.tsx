import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { ReactNode } from 'react';
import { useT } from '../i18n/i18n.js';
import { usePortalLayer } from '../portal-layer/use-portal-layer.js';
import './toast.css';

export type ToastTone = 'info' | 'success' | 'warning' | 'error';

export interface ToastOptions {
  /** @default 'info' */
  tone?: ToastTone;
  /** How long it stays, in ms. @default 4000; errors stay until dismissed */
  durationMs?: number;
}

interface ToastItem {
  id: number;
  message: string;
  tone: ToastTone;
}

export interface ToastApi {
  /** Shows a message; returns its id for `dismiss`. */
  show: (message: string, options?: ToastOptions) => number;
  dismiss: (id: number) => void;
}

const ToastContext = createContext<ToastApi | null>(null);

export interface ToastProviderProps {
  children: ReactNode;
}

/**
 * Holds the toasts of an app and renders them at the bottom of the viewport, in the app's
 * portal layer when the shell gives one, else in place.
 */
export function ToastProvider({ children }: ToastProviderProps): React.JSX.Element {
  const t = useT();
  const layer = usePortalLayer();
  const [items, setItems] = useState<ToastItem[]>([]);
  const nextId = useRef(1);
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());

  const dismiss = useCallback((id: number) => {
    clearTimeout(timers.current.get(id));
    timers.current.delete(id);
    setItems((list) => list.filter((item) => item.id !== id));
  }, []);

  const show = useCallback(
    (message: string, options: ToastOptions = {}) => {
      const id = nextId.current++;
      const tone = options.tone ?? 'info';
      setItems((list) => [...list.slice(-2), { id, message, tone }]);
      const duration = options.durationMs ?? (tone === 'error' ? undefined : 4000);
      if (duration !== undefined)
        timers.current.set(
          id,
          setTimeout(() => dismiss(id), duration),
        );
      return id;
    },
    [dismiss],
  );

  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach((timer) => clearTimeout(timer));
  }, []);

  const api = useMemo(() => ({ show, dismiss }), [show, dismiss]);
  return (
    <ToastContext.Provider value={api}>
      {children}
      {layer.anchor}
      {layer.render(
        <div className="mosaic-toasts" aria-live="polite">
          {items.map((item) => (
            <div
              key={item.id}
              className={`mosaic-toast mosaic-toast--${item.tone}`}
              role={item.tone === 'error' ? 'alert' : 'status'}
              data-testid="toast"
            >
              <span className="mosaic-toast__message">{item.message}</span>
              <button
                type="button"
                className="mosaic-toast__close"
                aria-label={t('kit.close')}
                onClick={() => dismiss(item.id)}
              >
                ×
              </button>
            </div>
          ))}
        </div>,
      )}
    </ToastContext.Provider>
  );
}

/** `const toast = useToast(); toast.show('已保存', { tone: 'success' })`; needs a ToastProvider. */
export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api)
    throw new Error('useToast() needs a <ToastProvider> above it: wrap your app root in one');
  return api;
}
