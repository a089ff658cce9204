/** The product's picture, or its first character on a tinted tile when it has none. */
export function ProductImage({
  name,
  image,
  large = false,
}: {
  name: string;
  image: string | null;
  large?: boolean;
}): React.JSX.Element {
  const className = large ? 'shop-image shop-image--large' : 'shop-image';
  if (image)
    return <img className={className} src={image} alt="" loading="lazy" decoding="async" />;
  // A stable tint per name, so the grid is not a wall of grey.
  let hue = 0;
  for (const ch of name) hue = (hue * 31 + (ch.codePointAt(0) ?? 0)) % 360;
  return (
    <div
      className={className}
      style={{ background: `hsl(${hue} 60% 92%)`, color: `hsl(${hue} 45% 35%)` }}
      aria-hidden="true"
    >
      {[...name][0] ?? '?'}
    </div>
  );
}
