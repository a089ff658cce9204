/** The parts of a V8 heap snapshot (`.heapsnapshot` JSON) this file reads. */
export interface HeapSnapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
}

/**
 * Node types that are not the page's own data: compiled code (V8 optimises hot functions as a
 * page runs, so it grows while nothing leaks), the browser's native objects (not in the JS
 * heap's used size) and the snapshot's synthetic roots.
 */
const NOT_PAGE_DATA = new Set(['code', 'native', 'synthetic', 'hidden']);

/**
 * Bytes of the page's own data in a heap snapshot: objects, closures, arrays, strings and the
 * shapes that describe them. What a leak (listeners, nodes, caches that never let go) grows.
 */
export function pageDataBytes(snapshot: HeapSnapshot): number {
  const fields = snapshot.snapshot.meta.node_fields;
  const typeNames = snapshot.snapshot.meta.node_types[0];
  const typeAt = fields.indexOf('type');
  const sizeAt = fields.indexOf('self_size');
  if (typeAt < 0 || sizeAt < 0) throw new Error('a heap snapshot without node types or sizes');
  let bytes = 0;
  for (let i = 0; i < snapshot.nodes.length; i += fields.length) {
    const type = typeNames[snapshot.nodes[i + typeAt]!];
    if (type !== undefined && !NOT_PAGE_DATA.has(type)) bytes += snapshot.nodes[i + sizeAt]!;
  }
  return bytes;
}
