import { isMosaicError } from '@mosaic/build-kit';
import type { Bus, GraphQLClient } from '@mosaic/build-kit';
import { Button, describeFailure, formatMoney } from '@mosaic/shared-components';
import type { RequestFailure } from '@mosaic/shared-components';
import { useState } from 'react';
import { confirmOrder } from '../orders/order-actions.js';
import { CustomerPicker } from './customer-picker.js';
import type { PickedCustomer } from './customer-picker.js';
import {
  MAX_QUANTITY,
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

const CREATE = `mutation CreateOrder($input: NewOrderInput!) {
  createOrder(input: $input) { id number total lines { productId } customer { id } }
}`;

interface Created {
  createOrder: {
    id: string;
    number: string;
    total: string;
    lines: { productId: string }[];
    customer: { id: string } | null;
  };
}

export interface OrderFormPageProps {
  graphql: GraphQLClient;
  bus: Bus;
  go: (path: string) => void;
}

/** 开单: customer, products by search or barcode, quantities, totals; save as draft or confirm. */
export function OrderFormPage({ graphql, bus, go }: OrderFormPageProps): React.JSX.Element {
  const [customer, setCustomer] = useState<PickedCustomer | null>(null);
  const [lines, setLines] = useState<DraftLine[]>([]);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<DraftErrors>({ lines: {} });
  const [failure, setFailure] = useState<RequestFailure>();
  const [busy, setBusy] = useState<'draft' | 'confirm'>();
  const totals = draftTotals(lines);

  const submit = async (confirm: boolean): Promise<void> => {
    const found = validateDraft(lines);
    setErrors(found);
    setFailure(undefined);
    if (hasErrors(found)) return;
    setBusy(confirm ? 'confirm' : 'draft');
    let orderId: string | undefined;
    try {
      const { createOrder } = await graphql.request<Created>(CREATE, {
        input: {
          customerId: customer?.id ?? null,
          note: note.trim() || null,
          lines: lines.map((l) => ({ productId: l.productId, quantity: l.quantity })),
        },
      });
      orderId = createOrder.id;
      bus.publish('order.created', {
        orderId: createOrder.id,
        total: createOrder.total,
        lineCount: createOrder.lines.length,
        customerId: createOrder.customer?.id ?? null,
      });
      if (confirm) await confirmOrder(graphql, bus, createOrder.id);
      bus.publish('toast.show', {
        message: confirm
          ? `订单 ${createOrder.number} 已确认`
          : `订单 ${createOrder.number} 已保存为草稿`,
        tone: 'success',
        durationMs: 4000,
      });
      go(`/orders/${encodeURIComponent(createOrder.id)}`);
    } catch (error) {
      const described = describeFailure(error);
      if (orderId) {
        // Created but not confirmed: the draft exists, so show it with the reason.
        setFailure({ ...described, message: `订单已保存为草稿，但确认失败：${described.message}` });
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
        新建订单
      </h2>
      {/* A div, not a form: the product search inside is its own form, and forms cannot nest. */}
      <div className="sales-card sales-form">
        <CustomerPicker graphql={graphql} value={customer} onChange={setCustomer} />
        <ProductPicker graphql={graphql} onPick={(p) => setLines((prev) => addProduct(prev, p))} />
        {lines.length > 0 && (
          <table className="sales-table" data-testid="order-lines">
            <thead>
              <tr>
                <th scope="col">商品</th>
                <th scope="col">单价</th>
                <th scope="col">可用</th>
                <th scope="col">数量</th>
                <th scope="col">小计</th>
                <th scope="col">
                  <span className="sales-visually-hidden">操作</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {lines.map((line) => {
                const error = errors.lines[line.productId];
                const inputId = `sales-qty-${line.productId}`;
                return (
                  <tr key={line.productId} data-testid="order-line">
                    <td data-label="商品">
                      {line.name} <span className="sales-muted">{line.sku}</span>
                      {line.promotion && <span className="sales-promo">{line.promotion}</span>}
                    </td>
                    <td data-label="单价" className="sales-num">
                      {formatMoney(line.unitPrice)}
                      {line.unitPrice !== line.listPrice && (
                        <s className="sales-muted"> {formatMoney(line.listPrice)}</s>
                      )}
                    </td>
                    <td data-label="可用">{line.available ?? '未知'}</td>
                    <td data-label="数量">
                      <label htmlFor={inputId} className="sales-visually-hidden">
                        {line.name} 数量
                      </label>
                      <input
                        id={inputId}
                        className="sales-input sales-input--qty"
                        type="number"
                        inputMode="numeric"
                        min={1}
                        max={MAX_QUANTITY}
                        step={1}
                        value={Number.isNaN(line.quantity) ? '' : line.quantity}
                        aria-invalid={error ? true : undefined}
                        aria-describedby={error ? `${inputId}-error` : undefined}
                        onChange={(event) =>
                          setLines((prev) =>
                            setQuantity(prev, line.productId, event.target.valueAsNumber),
                          )
                        }
                      />
                      {error && (
                        <p id={`${inputId}-error`} className="sales-field__error" role="alert">
                          {error}
                        </p>
                      )}
                    </td>
                    <td data-label="小计" className="sales-num">
                      {Number.isInteger(line.quantity) && line.quantity > 0
                        ? formatMoney(draftTotals([line]).total)
                        : '—'}
                    </td>
                    <td>
                      <Button
                        variant="ghost"
                        aria-label={`移除 ${line.name}`}
                        onClick={() => setLines((prev) => removeLine(prev, line.productId))}
                      >
                        移除
                      </Button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        <label className="sales-field">
          <span className="sales-field__label">备注（可选）</span>
          <input
            className="sales-input"
            name="note"
            value={note}
            maxLength={200}
            onChange={(e) => setNote(e.target.value)}
          />
        </label>
        <div className="sales-total" data-testid="draft-totals">
          <span>共 {totals.itemCount} 件</span>
          {totals.saving !== '0.00' && (
            <span className="sales-promo">优惠 {formatMoney(totals.saving)}</span>
          )}
          <span>
            合计 <strong data-testid="draft-total">{formatMoney(totals.total)}</strong>
          </span>
          <span className="sales-muted">（以服务端结算为准）</span>
        </div>
        {errors.form && (
          <p className="sales-field__error" role="alert">
            {errors.form}
          </p>
        )}
        {failure && (
          <p className="sales-error" role="alert">
            {failure.message}
            {failure.requestId && `（请求 ID ${failure.requestId}）`}
          </p>
        )}
        <div className="sales-actions">
          <Button variant="primary" disabled={busy !== undefined} onClick={() => void submit(true)}>
            {busy === 'confirm' ? '提交中…' : '提交并确认'}
          </Button>
          <Button disabled={busy !== undefined} onClick={() => void submit(false)}>
            {busy === 'draft' ? '保存中…' : '保存草稿'}
          </Button>
          <Button variant="ghost" onClick={() => go('/orders')}>
            取消
          </Button>
        </div>
      </div>
    </section>
  );
}
