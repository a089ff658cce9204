import {
  AsyncView,
  DataTable,
  EmptyState,
  Skeleton,
  formatDate,
  formatQuantity,
  useLocale,
  useT,
} from '@mosaic/shared-components';
import { useState } from 'react';
import { MOVEMENTS_QUERY } from '../api/queries.js';
import type { MovementsData, StockMovement, Warehouse } from '../api/queries.js';
import { useInventory } from '../inventory-context.js';
import { useLiveQuery } from '../use-live-query.js';

/** The BFF promises newest first but does not sort yet; sort the page we have. */
function newestFirst(nodes: readonly StockMovement[]): StockMovement[] {
  return [...nodes].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
}

export interface MovementHistoryProps {
  productId: string;
  warehouses: readonly Warehouse[];
  /** Bumped by the page when stock moved, to show the newest movements. */
  version: number;
}

/** 库存流水: the product's stock movements, newest first, a page of 20 at a time. */
export function MovementHistory({
  productId,
  warehouses,
  version,
}: MovementHistoryProps): React.JSX.Element {
  const { graphql } = useInventory();
  const t = useT();
  const locale = useLocale();
  // Cursors of the pages seen so far; the last one is the page on screen.
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const after = cursors[cursors.length - 1];
  const movements = useLiveQuery(
    (signal) => graphql.request<MovementsData>(MOVEMENTS_QUERY, { productId, after }, { signal }),
    [graphql, productId, after, version],
  );
  const warehouseName = (id: string): string => warehouses.find((w) => w.id === id)?.name ?? id;
  const kindLabel = (kind: string): string => {
    const key = `inv.kind.${kind}`;
    const label = t(key);
    return label === key ? kind : label;
  };

  return (
    <section className="inv-section" aria-labelledby="inv-movements">
      <h2 className="inv-section__title" id="inv-movements">
        {t('inv.movements')}
      </h2>
      <AsyncView
        state={movements.state}
        onRetry={movements.retry}
        errorTitle={t('inv.movementsFailed')}
        loading={<Skeleton variant="rows" lines={4} />}
      >
        {(data) => (
          <DataTable<StockMovement>
            caption={t('inv.movements')}
            hideCaption
            testId="movement-list"
            rows={newestFirst(data.stockMovements.nodes)}
            rowKey={(m) => m.id}
            rowProps={() => ({ 'data-testid': 'movement-row' })}
            empty={<EmptyState title={t('inv.noMovements')} />}
            columns={[
              {
                key: 'time',
                header: t('inv.col.time'),
                primary: true,
                cell: (m) => formatDate(m.createdAt, { time: true, locale }),
              },
              { key: 'kind', header: t('inv.col.kind'), cell: (m) => kindLabel(m.kind) },
              {
                key: 'warehouse',
                header: t('inv.warehouse'),
                cell: (m) => warehouseName(m.warehouseId),
              },
              {
                key: 'quantity',
                header: t('inv.col.quantity'),
                align: 'end',
                cell: (m) => (
                  <span className={m.quantity < 0 ? 'inv-out' : 'inv-in'}>
                    {formatQuantity(m.quantity, { signed: true })}
                  </span>
                ),
              },
              {
                key: 'after',
                header: t('inv.col.after'),
                align: 'end',
                cell: (m) => formatQuantity(m.onHandAfter),
              },
              { key: 'actor', header: t('inv.col.actor'), cell: (m) => m.actor ?? '—' },
              {
                key: 'reason',
                header: t('inv.col.reason'),
                cell: (m) => m.reason ?? m.reference ?? '—',
              },
            ]}
            paging={
              cursors.length > 1 || data.stockMovements.pageInfo.hasNextPage
                ? {
                    hasPrevious: cursors.length > 1,
                    hasNext: data.stockMovements.pageInfo.hasNextPage,
                    onPrevious: () => setCursors((list) => list.slice(0, -1)),
                    onNext: () =>
                      setCursors((list) => [
                        ...list,
                        data.stockMovements.pageInfo.endCursor ?? undefined,
                      ]),
                  }
                : undefined
            }
          />
        )}
      </AsyncView>
    </section>
  );
}
