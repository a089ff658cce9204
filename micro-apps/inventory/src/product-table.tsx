import type { Product } from './products-query.js';
import { isLowStock } from './stock-level.js';

export interface ProductTableProps {
  products: Product[];
}

/** A table on wide containers; each row turns into a card on narrow ones (see inventory.css). */
export function ProductTable({ products }: ProductTableProps): React.JSX.Element {
  return (
    <table className="inv-table" data-testid="product-list">
      <thead>
        <tr>
          <th scope="col">SKU</th>
          <th scope="col">商品名称</th>
          <th scope="col">分类</th>
          <th scope="col" className="inv-num">
            在库数量
          </th>
        </tr>
      </thead>
      <tbody>
        {products.map((product) => {
          const low = isLowStock(product.stock.onHand);
          return (
            <tr
              key={product.id}
              data-testid="product-row"
              data-low-stock={low || undefined}
              className={low ? 'inv-row inv-row--low' : 'inv-row'}
            >
              <td data-label="SKU" className="inv-sku">
                {product.sku}
              </td>
              <td data-label="商品名称" className="inv-name">
                {product.name}
              </td>
              <td data-label="分类" className="inv-category">
                {product.category}
              </td>
              <td data-label="在库数量" className="inv-num">
                <span className="inv-on-hand">{product.stock.onHand}</span>
                {low && <span className="inv-badge">库存不足</span>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
