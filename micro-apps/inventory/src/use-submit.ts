import { isUnclearFailure } from '@mosaic/build-kit';
import { fieldErrorsOf, useT } from '@mosaic/shared-components';
import type { FieldErrors } from '@mosaic/shared-components';
import { useState } from 'react';

export interface Submit {
  saving: boolean;
  errors: FieldErrors | undefined;
  /** Shows local validation errors without a request. */
  setErrors: (errors: FieldErrors | undefined) => void;
  /** Runs the mutation once at a time; server errors land on their fields or the form. */
  run: <T>(mutation: () => Promise<T>, onSuccess: (result: T) => void) => void;
}

/**
 * One form's submit: saving flag, and the server's answer turned into field errors
 * (`byCode` routes a coded error to a field, e.g. `{ INSUFFICIENT_STOCK: 'quantity' }`).
 */
export function useSubmit(
  byCode: Record<string, string> = {},
  /** Our own words for a code whose server message is for developers (ids, English). */
  explain: (code: string) => string | undefined = () => undefined,
): Submit {
  const t = useT();
  const [saving, setSaving] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>();

  function run<T>(mutation: () => Promise<T>, onSuccess: (result: T) => void): void {
    if (saving) return;
    setSaving(true);
    setErrors(undefined);
    mutation().then(
      (result) => {
        setSaving(false);
        onSuccess(result);
      },
      (error: unknown) => {
        setSaving(false);
        const code = String((error as { code?: unknown } | null)?.code ?? '');
        // A lost answer: the write keeps its key (write-keys.ts), so saving again is safe.
        const friendly =
          code === 'FORBIDDEN'
            ? t('inv.forbiddenAction')
            : isUnclearFailure(error)
              ? t('inv.outcomeUnknown')
              : explain(code);
        const shown =
          friendly && error instanceof Error
            ? Object.assign(Object.create(Object.getPrototypeOf(error) as object) as Error, error, {
                message: friendly,
              })
            : error;
        setErrors(fieldErrorsOf(shown, byCode));
      },
    );
  }

  return { saving, errors, setErrors, run };
}
