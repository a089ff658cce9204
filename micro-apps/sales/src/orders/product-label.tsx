export interface ProductLabelProps {
  name: string;
  sku: string | null;
  /** The promotion applied to the line, shown as a red tag. */
  promotion: string | null;
}

/** A product on an order line: name, muted SKU, promotion tag. */
export function ProductLabel({ name, sku, promotion }: ProductLabelProps): React.JSX.Element {
  return (
    <span>
      {name} <span className="sales-muted">{sku}</span>
      {promotion && <span className="sales-promo">{promotion}</span>}
    </span>
  );
}
