import { createAttemptKeys, isMosaicError } from '@mosaic/build-kit';
import type { Bus, GraphQLClient } from '@mosaic/build-kit';
import {
  Button,
  FormError,
  TextField,
  describeFailure,
  formatMoney,
  useT,
} from '@mosaic/shared-components';
import type { RequestFailure } from '@mosaic/shared-components';
import { useState } from 'react';
import { confirmOrder, isOutcomeUnknown } from '../orders/order-actions.js';
import { CustomerPicker } from './customer-picker.js';
import type { PickedCustomer } from './customer-picker.js';
import { DraftLines } from './draft-lines.js';
import {
  addProduct,
  draftTotals,
  hasErrors,
  removeLine,
  serverErrors,
  setQuantity,
  validateDraft,
} from './order-draft.js';
import type { DraftErrors, DraftLine } from './order-draft.js';
import { ProductPicker } from './product-picker.js';
import CREATE from './create-order.graphql';
import type { CreateOrderMutation } from '../graphql-types.generated.js';

type Created = CreateOrderMutation;

export interface OrderFormPageProps {
  graphql: GraphQLClient;
  bus: Bus;
  go: (path: string) => void;
}

/** 开单: customer, products by search or barcode, quantities, totals; save as draft or confirm. */
export function OrderFormPage({ graphql, bus, go }: OrderFormPageProps): React.JSX.Element {
  const t = useT();
  const [customer, setCustomer] = useState<PickedCustomer | null>(null);
  const [lines, setLines] = useState<DraftLine[]>([]);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<DraftErrors>({ lines: {} });
  const [failure, setFailure] = useState<RequestFailure>();
  const [busy, setBusy] = useState<'draft' | 'confirm'>();
  const totals = draftTotals(lines);
  // One key per order being written: pressing the button again after a lost answer cannot make a
  // second order. A changed form is another request, so it gets a new key.
  const [createKeys] = useState(createAttemptKeys);

  const submit = async (confirm: boolean): Promise<void> => {
    const found = validateDraft(lines, t);
    setErrors(found);
    setFailure(undefined);
    if (hasErrors(found)) return;
    setBusy(confirm ? 'confirm' : 'draft');
    let created: { id: string; number: string } | undefined;
    try {
      const input = {
        customerId: customer?.id ?? null,
        note: note.trim() || null,
        lines: lines.map((l) => ({ productId: l.productId, quantity: l.quantity })),
      };
      const { createOrder } = await createKeys.send(JSON.stringify(input), (key) =>
        graphql.request<Created>(CREATE, { input, key }),
      );
      created = createOrder;
      bus.publish('order.created', {
        orderId: createOrder.id,
        total: createOrder.total,
        lineCount: createOrder.lines.length,
        customerId: createOrder.customer?.id ?? null,
      });
      if (confirm) await confirmOrder(graphql, bus, createOrder.id);
      bus.publish('toast.show', {
        message: t(confirm ? 'sales.form.confirmed' : 'sales.form.drafted', {
          number: createOrder.number,
        }),
        tone: 'success',
        durationMs: 4000,
      });
      go(`/orders/${encodeURIComponent(createOrder.id)}`);
    } catch (error) {
      const described = describeFailure(error);
      if (created && isOutcomeUnknown(error)) {
        // The confirm may have gone through: send the clerk to the order, not to try again.
        setFailure({
          ...described,
          message: t('sales.order.outcomeUnknown', { number: created.number }),
        });
      } else if (created) {
        // Created but not confirmed: the draft exists, so show it with the reason.
        setFailure({
          ...described,
          message: t('sales.form.confirmFailed', { message: described.message }),
        });
      } else {
        setErrors(
          serverErrors(lines, {
            message: described.message,
            fields: isMosaicError(error) ? error.fields : [],
          }),
        );
        setFailure(described);
      }
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <section aria-labelledby="sales-new-title">
      <h2 id="sales-new-title" className="sales-section-title">
        {t('sales.form.title')}
      </h2>
      {/* A div, not a form: the product search inside is its own form, and forms cannot nest. */}
      <div className="sales-card sales-form">
        <CustomerPicker graphql={graphql} value={customer} onChange={setCustomer} />
        <ProductPicker graphql={graphql} onPick={(p) => setLines((prev) => addProduct(prev, p))} />
        {lines.length > 0 && (
          <DraftLines
            lines={lines}
            errors={errors.lines}
            onQuantity={(productId, quantity) =>
              setLines((prev) => setQuantity(prev, productId, quantity))
            }
            onRemove={(productId) => setLines((prev) => removeLine(prev, productId))}
          />
        )}
        <TextField
          label={t('sales.form.note')}
          name="note"
          value={note}
          maxLength={200}
          onChange={setNote}
        />
        <div className="sales-total" data-testid="draft-totals">
          <span>{t('sales.form.items', { count: totals.itemCount })}</span>
          {totals.saving !== '0.00' && (
            <span className="sales-promo">
              {t('sales.form.saving', { amount: formatMoney(totals.saving) })}
            </span>
          )}
          <span>
            {t('sales.form.total')}{' '}
            <strong data-testid="draft-total">{formatMoney(totals.total)}</strong>
          </span>
          <span className="sales-muted">{t('sales.form.serverDecides')}</span>
        </div>
        {/* One alert: the server's refusal already sits in errors.form when no field claimed it. */}
        <FormError message={errors.form ?? failure?.message} requestId={failure?.requestId} />
        <div className="sales-actions">
          <Button variant="primary" disabled={busy !== undefined} onClick={() => void submit(true)}>
            {busy === 'confirm' ? t('sales.form.submitting') : t('sales.form.submit')}
          </Button>
          <Button disabled={busy !== undefined} onClick={() => void submit(false)}>
            {busy === 'draft' ? t('sales.form.savingDraft') : t('sales.form.saveDraft')}
          </Button>
          <Button variant="ghost" onClick={() => go('/orders')}>
            {t('sales.form.cancel')}
          </Button>
        </div>
      </div>
    </section>
  );
}
