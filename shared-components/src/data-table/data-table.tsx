import { useMemo, useState } from 'react';
import './data-table.css';
import type { HTMLAttributes, ReactNode } from 'react';
import { Button } from '../button/button.js';
import { useT } from '../i18n/i18n.js';

export type SortDirection = 'ascending' | 'descending';
export interface SortState {
  key: string;
  direction: SortDirection;
}

export interface DataTableColumn<Row> {
  /** Stable id of the column; also the sort key. */
  key: string;
  /** Column heading; a string is also the label in front of the value on a phone card. */
  header: string;
  /** What the cell shows. Text only through JSX, so user input is never run as HTML. */
  cell: (row: Row) => ReactNode;
  /** Makes the column sortable on the client by this value (unless `onSortChange` is set). */
  sortValue?: (row: Row) => string | number;
  /** Sortable by the server: the column gets a sort button that calls `onSortChange`. */
  sortable?: boolean;
  /** Numbers align to the end. @default 'start' */
  align?: 'start' | 'end';
  /** On a phone card this column is the card's title, shown first and without a label. */
  primary?: boolean;
}

/** Cursor paging driven by the server (the BFF's `pageInfo`). */
export interface DataTablePaging {
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
  /** e.g. '第 2 页'; the kit's 'page x of y' is used for client paging. */
  label?: string;
}

type RowAttributes = HTMLAttributes<HTMLTableRowElement> & {
  [data: `data-${string}`]: string | number | boolean | undefined;
};

export interface DataTableProps<Row> {
  /** Accessible name of the table, e.g. '商品'. Shown as caption unless `hideCaption`. */
  caption: string;
  /** Visually hide the caption (still read by screen readers). @default false */
  hideCaption?: boolean;
  columns: DataTableColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** Extra attributes per row, e.g. `{ 'data-testid': 'product-row', className }`. */
  rowProps?: (row: Row) => RowAttributes;
  /** Client paging: rows per page. Ignored when `paging` is set. @default 25 */
  pageSize?: number;
  /** Server paging; when set, `rows` is the current page. */
  paging?: DataTablePaging;
  /** Controlled sort (server-side sorting); leave out to sort on the client. */
  sort?: SortState;
  onSortChange?: (sort: SortState) => void;
  /** Shown in place of the table when there are no rows. */
  empty?: ReactNode;
  /** Attributes for the table element, e.g. `data-testid`. */
  testId?: string;
}

function compare(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'zh-CN');
}

/**
 * Rows with sortable headers and paging; below 560px of container width every row becomes a
 * card (a container query, so it follows the space the app gets, not the window).
 */
export function DataTable<Row>(props: DataTableProps<Row>): React.JSX.Element {
  const { caption, hideCaption, columns, rows, rowKey, rowProps, paging, empty } = props;
  const t = useT();
  const pageSize = props.pageSize ?? 25;
  const [localSort, setLocalSort] = useState<SortState>();
  const [page, setPage] = useState(0);
  const sort = props.sort ?? localSort;

  const sorted = useMemo(() => {
    const column = columns.find((c) => c.key === sort?.key);
    if (!sort || props.onSortChange || !column?.sortValue) return rows;
    const value = column.sortValue;
    const factor = sort.direction === 'ascending' ? 1 : -1;
    return [...rows].sort((a, b) => factor * compare(value(a), value(b)));
  }, [rows, columns, sort, props.onSortChange]);

  const pageCount = paging ? 1 : Math.max(1, Math.ceil(sorted.length / pageSize));
  const current = Math.min(page, pageCount - 1);
  const visible = paging ? sorted : sorted.slice(current * pageSize, (current + 1) * pageSize);

  function toggleSort(key: string): void {
    const direction: SortDirection =
      sort?.key === key && sort.direction === 'ascending' ? 'descending' : 'ascending';
    setPage(0);
    if (props.onSortChange) props.onSortChange({ key, direction });
    else setLocalSort({ key, direction });
  }

  if (rows.length === 0 && empty) return <>{empty}</>;

  return (
    <div className="mosaic-data-table">
      <table className="mosaic-data-table__table" data-testid={props.testId}>
        <caption className={hideCaption ? 'mosaic-visually-hidden' : 'mosaic-data-table__caption'}>
          {caption}
        </caption>
        <thead>
          <tr>
            {columns.map((column) => {
              const sortable = Boolean(column.sortValue || column.sortable);
              const active = sort?.key === column.key;
              return (
                <th
                  key={column.key}
                  scope="col"
                  aria-sort={active ? sort.direction : undefined}
                  className={column.align === 'end' ? 'mosaic-data-table__end' : undefined}
                >
                  {sortable ? (
                    <button
                      type="button"
                      className="mosaic-data-table__sort"
                      onClick={() => toggleSort(column.key)}
                    >
                      {column.header}
                      <span aria-hidden="true">
                        {active ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ' ↕'}
                      </span>
                    </button>
                  ) : (
                    column.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {visible.map((row) => {
            const extra = rowProps?.(row) ?? {};
            return (
              <tr
                key={rowKey(row)}
                {...extra}
                className={['mosaic-data-table__row', extra.className].filter(Boolean).join(' ')}
              >
                {columns.map((column) => (
                  <td
                    key={column.key}
                    data-label={column.header}
                    className={
                      [
                        column.align === 'end' && 'mosaic-data-table__end',
                        column.primary && 'mosaic-data-table__primary',
                      ]
                        .filter(Boolean)
                        .join(' ') || undefined
                    }
                  >
                    {column.cell(row)}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      {rows.length === 0 && <p className="mosaic-data-table__empty">{t('kit.table.empty')}</p>}
      {paging ? (
        <Pager
          label={paging.label}
          hasPrevious={paging.hasPrevious}
          hasNext={paging.hasNext}
          onPrevious={paging.onPrevious}
          onNext={paging.onNext}
        />
      ) : (
        pageCount > 1 && (
          <Pager
            label={t('kit.table.page', { page: current + 1, pages: pageCount })}
            hasPrevious={current > 0}
            hasNext={current < pageCount - 1}
            onPrevious={() => setPage(current - 1)}
            onNext={() => setPage(current + 1)}
          />
        )
      )}
    </div>
  );
}

function Pager(props: DataTablePaging): React.JSX.Element {
  const t = useT();
  return (
    <nav className="mosaic-data-table__pager" aria-label={props.label ?? 'pages'}>
      <Button disabled={!props.hasPrevious} onClick={props.onPrevious}>
        {t('kit.table.previous')}
      </Button>
      {props.label && <span aria-live="polite">{props.label}</span>}
      <Button disabled={!props.hasNext} onClick={props.onNext}>
        {t('kit.table.next')}
      </Button>
    </nav>
  );
}
