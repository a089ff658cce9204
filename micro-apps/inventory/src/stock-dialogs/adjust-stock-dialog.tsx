import {
  NumberField,
  Select,
  formatQuantity,
  parseInteger,
  useT,
  useToast,
} from '@mosaic/shared-components';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { ADJUST_STOCK } from '../api/queries.js';
import type { AdjustStockData } from '../api/queries.js';
import { useInventory } from '../inventory-context.js';
import { attemptOf, writeKeys } from '../write-keys.js';
import { StockDialogFrame, useStockForm } from './stock-dialog-frame.js';
import type { StockDialogProps } from './stock-dialog-frame.js';

/** 调整库存: a signed change in one warehouse with a reason; publishes `stock.changed`. */
export function AdjustStockDialog({
  product,
  stock,
  warehouses,
  onClose,
  onDone,
}: StockDialogProps): React.JSX.Element {
  const { graphql, bus } = useInventory();
  const t = useT();
  const toast = useToast();
  const [warehouseId, setWarehouseId] = useState(warehouses[0]?.id ?? '');
  const [quantity, setQuantity] = useState('');
  const form = useStockForm({ product, stock, onClose }, warehouseId);
  const { submit } = form;

  function onSubmit(event: FormEvent): void {
    event.preventDefault();
    const change = parseInteger(quantity);
    const fields: Record<string, string> = {};
    if (!warehouseId) fields.warehouseId = t('inv.required', { field: t('inv.warehouse') });
    if (change === undefined || change === 0) fields.quantity = t('inv.wholeNumber');
    if (!form.accept(fields) || change === undefined) return;
    const input = { productId: product.id, warehouseId, quantity: change, reason: form.reason };
    submit.run(
      () =>
        writeKeys.send(attemptOf('adjustStock', input), (key) =>
          graphql.request<AdjustStockData>(ADJUST_STOCK, { input, key }),
        ),
      ({ adjustStock }) => {
        const row = adjustStock.warehouses.find((w) => w.warehouseId === warehouseId);
        bus.publish('stock.changed', {
          reason: 'adjustment',
          items: [
            { productId: product.id, warehouseId, onHand: row?.onHand ?? adjustStock.onHand },
          ],
        });
        const signed = formatQuantity(change, { signed: true, unit: product.unit });
        toast.show(t('inv.adjusted', { name: product.name, change: signed }), { tone: 'success' });
        onDone(adjustStock);
      },
    );
  }

  return (
    <StockDialogFrame
      {...form.frame}
      title={t('inv.adjust')}
      name="adjust"
      onSubmit={onSubmit}
      reasonHint={t('inv.reasonHint')}
    >
      <Select
        label={t('inv.warehouse')}
        value={warehouseId}
        onChange={setWarehouseId}
        options={warehouses.map((w) => ({ value: w.id, label: w.name }))}
        error={submit.errors?.fields.warehouseId}
        required
      />
      <NumberField
        label={t('inv.quantity')}
        hint={t('inv.quantityHint')}
        signed
        value={quantity}
        onChange={setQuantity}
        error={submit.errors?.fields.quantity}
        required
        name="quantity"
      />
    </StockDialogFrame>
  );
}
