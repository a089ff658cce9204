import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DataTable } from './data-table.js';
import type { DataTableColumn } from './data-table.js';

afterEach(cleanup);

interface Item {
  id: string;
  name: string;
  onHand: number;
}

const columns: DataTableColumn<Item>[] = [
  { key: 'name', header: '名称', cell: (r) => r.name, sortValue: (r) => r.name, primary: true },
  {
    key: 'onHand',
    header: '在库',
    cell: (r) => r.onHand,
    sortValue: (r) => r.onHand,
    align: 'end',
  },
];

const items: Item[] = [
  { id: '1', name: 'b 可乐', onHand: 30 },
  { id: '2', name: 'a 矿泉水', onHand: 5 },
  { id: '3', name: 'c 薯片', onHand: 12 },
];

function names(): string[] {
  return screen
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[0]?.textContent ?? '');
}

describe('DataTable', () => {
  it('is a table named by its caption, with a label on every cell for the phone card', () => {
    render(<DataTable caption="商品" columns={columns} rows={items} rowKey={(r) => r.id} />);

    const table = screen.getByRole('table', { name: '商品' });
    expect(within(table).getAllByRole('row')).toHaveLength(4);
    expect(within(table).getByText('矿泉水', { exact: false }).getAttribute('data-label')).toBe(
      '名称',
    );
  });

  it('sorts by a column when its header is pressed, and reverses on a second press', () => {
    render(<DataTable caption="商品" columns={columns} rows={items} rowKey={(r) => r.id} />);

    fireEvent.click(screen.getByRole('button', { name: /在库/ }));
    expect(names()).toEqual(['a 矿泉水', 'c 薯片', 'b 可乐']);
    expect(screen.getByRole('columnheader', { name: /在库/ }).getAttribute('aria-sort')).toBe(
      'ascending',
    );

    fireEvent.click(screen.getByRole('button', { name: /在库/ }));
    expect(names()).toEqual(['b 可乐', 'c 薯片', 'a 矿泉水']);
  });

  it('leaves sorting to the server when onSortChange is given', () => {
    const onSortChange = vi.fn();
    render(
      <DataTable
        caption="商品"
        columns={columns}
        rows={items}
        rowKey={(r) => r.id}
        sort={{ key: 'name', direction: 'ascending' }}
        onSortChange={onSortChange}
      />,
    );

    fireEvent.click(screen.getByRole('button', { name: /名称/ }));

    expect(onSortChange).toHaveBeenCalledWith({ key: 'name', direction: 'descending' });
    expect(names()).toEqual(['b 可乐', 'a 矿泉水', 'c 薯片']);
  });

  it('pages through rows on the client', () => {
    render(
      <DataTable caption="商品" columns={columns} rows={items} rowKey={(r) => r.id} pageSize={2} />,
    );

    expect(names()).toHaveLength(2);
    expect(screen.getByText('第 1 页，共 2 页')).toBeTruthy();
    expect((screen.getByRole('button', { name: '上一页' }) as HTMLButtonElement).disabled).toBe(
      true,
    );

    fireEvent.click(screen.getByRole('button', { name: '下一页' }));

    expect(names()).toEqual(['c 薯片']);
  });

  it('asks the server for the next page with cursor paging', () => {
    const onNext = vi.fn();
    render(
      <DataTable
        caption="商品"
        columns={columns}
        rows={items}
        rowKey={(r) => r.id}
        paging={{ hasPrevious: false, hasNext: true, onPrevious: vi.fn(), onNext }}
      />,
    );

    fireEvent.click(screen.getByRole('button', { name: '下一页' }));

    expect(onNext).toHaveBeenCalledOnce();
  });

  it('passes row attributes through, for test ids and highlighting', () => {
    render(
      <DataTable
        caption="商品"
        columns={columns}
        rows={items}
        rowKey={(r) => r.id}
        rowProps={(r) => ({
          'data-testid': 'product-row',
          'data-low-stock': r.onHand < 10 || undefined,
        })}
      />,
    );

    const rows = screen.getAllByTestId('product-row');
    expect(rows).toHaveLength(3);
    expect(rows.filter((row) => row.dataset.lowStock === 'true')).toHaveLength(1);
  });

  it('shows the empty state instead of an empty table', () => {
    render(
      <DataTable
        caption="商品"
        columns={columns}
        rows={[]}
        rowKey={(r) => r.id}
        empty={<p>暂无商品</p>}
      />,
    );

    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByText('暂无商品')).toBeTruthy();
  });

  it('shows user text as text, never as markup', () => {
    const evil = [{ id: 'x', name: '<img src=x onerror="alert(1)">', onHand: 1 }];
    render(<DataTable caption="商品" columns={columns} rows={evil} rowKey={(r) => r.id} />);

    expect(screen.getByText('<img src=x onerror="alert(1)">')).toBeTruthy();
    expect(document.querySelector('img')).toBeNull();
  });
});
