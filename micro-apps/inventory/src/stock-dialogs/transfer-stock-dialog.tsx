import { NumberField, Select, parseInteger, useT, useToast } from '@mosaic/shared-components';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { TRANSFER_STOCK } from '../api/queries.js';
import type { TransferStockData } from '../api/queries.js';
import { useInventory } from '../inventory-context.js';
import { attemptOf, writeKeys } from '../write-keys.js';
import { StockDialogFrame, useStockForm } from './stock-dialog-frame.js';
import type { StockDialogProps } from './stock-dialog-frame.js';

/** 调拨: move a quantity from one warehouse to another; publishes `stock.changed` for both. */
export function TransferStockDialog({
  product,
  stock,
  warehouses,
  onClose,
  onDone,
}: StockDialogProps): React.JSX.Element {
  const { graphql, bus } = useInventory();
  const t = useT();
  const toast = useToast();
  const [from, setFrom] = useState(warehouses[0]?.id ?? '');
  const [to, setTo] = useState(warehouses[1]?.id ?? '');
  const [quantity, setQuantity] = useState('');
  const form = useStockForm({ product, stock, onClose }, from);
  const { submit } = form;
  const options = warehouses.map((w) => ({ value: w.id, label: w.name }));

  function onSubmit(event: FormEvent): void {
    event.preventDefault();
    const amount = parseInteger(quantity);
    const fields: Record<string, string> = {};
    if (!from) fields.fromWarehouseId = t('inv.required', { field: t('inv.from') });
    if (!to) fields.toWarehouseId = t('inv.required', { field: t('inv.to') });
    else if (from === to) fields.toWarehouseId = t('inv.sameWarehouse');
    if (amount === undefined || amount <= 0) fields.quantity = t('inv.positiveNumber');
    if (!form.accept(fields) || amount === undefined) return;
    const input = {
      productId: product.id,
      fromWarehouseId: from,
      toWarehouseId: to,
      quantity: amount,
      reason: form.reason,
    };
    submit.run(
      () =>
        writeKeys.send(attemptOf('transferStock', input), (key) =>
          graphql.request<TransferStockData>(TRANSFER_STOCK, { input, key }),
        ),
      ({ transferStock }) => {
        const onHandIn = (id: string): number =>
          transferStock.warehouses.find((w) => w.warehouseId === id)?.onHand ?? 0;
        bus.publish('stock.changed', {
          reason: 'transfer',
          items: [from, to].map((id) => ({
            productId: product.id,
            warehouseId: id,
            onHand: onHandIn(id),
          })),
        });
        toast.show(t('inv.transferred', { quantity: amount, name: product.name }), {
          tone: 'success',
        });
        onDone(transferStock);
      },
    );
  }

  return (
    <StockDialogFrame {...form.frame} title={t('inv.transfer')} name="transfer" onSubmit={onSubmit}>
      <Select
        label={t('inv.from')}
        value={from}
        onChange={setFrom}
        options={options}
        error={submit.errors?.fields.fromWarehouseId}
        required
      />
      <Select
        label={t('inv.to')}
        value={to}
        onChange={setTo}
        options={options}
        error={submit.errors?.fields.toWarehouseId}
        required
      />
      <NumberField
        label={t('inv.transferQuantity')}
        value={quantity}
        onChange={setQuantity}
        error={submit.errors?.fields.quantity}
        required
        name="quantity"
      />
    </StockDialogFrame>
  );
}
