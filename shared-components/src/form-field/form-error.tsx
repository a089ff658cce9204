import { useT } from '../i18n/i18n.js';

export interface FormErrorProps {
  /** The form-level message; nothing renders without one. */
  message: string | undefined;
  requestId?: string;
}

/** The error at the top of a form that no single field owns; announced as an alert. */
export function FormError({ message, requestId }: FormErrorProps): React.JSX.Element | null {
  const t = useT();
  if (!message) return null;
  return (
    <p className="mosaic-form-error" role="alert">
      {message}
      {requestId && (
        <>
          {' '}
          ({t('kit.requestId')}: <code>{requestId}</code>)
        </>
      )}
    </p>
  );
}
