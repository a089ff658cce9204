import { Button, Dialog, FormError, TextField, useT } from '@mosaic/shared-components';
import { useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import type { Stock, Warehouse } from '../api/queries.js';
import { useSubmit } from '../use-submit.js';
import type { Submit } from '../use-submit.js';

/** What both stock dialogs get from the detail page. */
export interface StockDialogProps {
  product: { id: string; name: string; unit: string };
  /** Current stock, to explain a refusal for lack of it. */
  stock: Stock | null;
  warehouses: readonly Warehouse[];
  onClose: () => void;
  /** The new stock, after the server accepted the change. */
  onDone: (stock: Stock) => void;
}

/** A stock form's submit, with INSUFFICIENT_STOCK said in words and put on the quantity. */
function useStockSubmit(stock: Stock | null, warehouseId: string): Submit {
  const t = useT();
  return useSubmit({ INSUFFICIENT_STOCK: 'quantity' }, (code) => {
    if (code !== 'INSUFFICIENT_STOCK') return undefined;
    const row = stock?.warehouses.find((w) => w.warehouseId === warehouseId);
    return t('inv.insufficient', { warehouse: row?.name ?? '', available: row?.available ?? 0 });
  });
}

/** What both stock forms share: the submit, the reason, and the frame's props that carry them. */
export interface StockForm {
  submit: Submit;
  /** The reason as it is sent (trimmed). */
  reason: string;
  /**
   * Shows these field errors, plus one on the reason when it is empty; true when there are none
   * and the form may be sent.
   */
  accept(fields: Record<string, string>): boolean;
  frame: Pick<
    StockDialogFrameProps,
    'productName' | 'submit' | 'onClose' | 'reason' | 'onReasonChange'
  >;
}

/** A stock form on `warehouseId` (the one INSUFFICIENT_STOCK is explained for). */
export function useStockForm(
  { product, stock, onClose }: Pick<StockDialogProps, 'product' | 'stock' | 'onClose'>,
  warehouseId: string,
): StockForm {
  const t = useT();
  const [reason, setReason] = useState('');
  const submit = useStockSubmit(stock, warehouseId);
  return {
    submit,
    reason: reason.trim(),
    accept(fields) {
      if (!reason.trim()) fields.reason = t('inv.required', { field: t('inv.reason') });
      if (Object.keys(fields).length === 0) return true;
      submit.setErrors({ fields, message: undefined, requestId: undefined });
      return false;
    },
    frame: { productName: product.name, submit, onClose, reason, onReasonChange: setReason },
  };
}

export interface StockDialogFrameProps {
  title: string;
  productName: string;
  /** Form id and test id, e.g. 'adjust'. */
  name: string;
  submit: Submit;
  onClose: () => void;
  onSubmit: (event: FormEvent) => void;
  /** The reason field's value; every stock change needs one. */
  reason: string;
  onReasonChange: (value: string) => void;
  reasonHint?: string;
  children: ReactNode;
}

/** Dialog, form-level error, the fields, the reason, and cancel/save. */
export function StockDialogFrame(props: StockDialogFrameProps): React.JSX.Element {
  const t = useT();
  const { submit, name } = props;
  const errors = submit.errors;
  return (
    <Dialog
      open
      onClose={props.onClose}
      title={props.title}
      description={props.productName}
      testId={`${name}-dialog`}
      footer={
        <>
          <Button onClick={props.onClose}>{t('inv.cancel')}</Button>
          <Button
            variant="primary"
            type="submit"
            form={`inv-${name}-form`}
            disabled={submit.saving}
          >
            {submit.saving ? t('inv.saving') : t('inv.save')}
          </Button>
        </>
      }
    >
      <form id={`inv-${name}-form`} className="inv-form" onSubmit={props.onSubmit} noValidate>
        <FormError message={errors?.message} requestId={errors?.requestId} />
        {props.children}
        <TextField
          label={t('inv.reason')}
          hint={props.reasonHint}
          value={props.reason}
          onChange={props.onReasonChange}
          error={errors?.fields.reason}
          maxLength={200}
          required
          name="reason"
        />
      </form>
    </Dialog>
  );
}
