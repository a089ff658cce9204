import { describe, expect, it } from 'vitest';
import { pageDataBytes } from './heap-snapshot.js';

describe('pageDataBytes', () => {
  // Three fields per node, as Chromium writes them: type index, name index, self size.
  const snapshot = {
    snapshot: {
      meta: {
        node_fields: ['type', 'name', 'self_size'],
        node_types: [
          ['hidden', 'object', 'string', 'code', 'native', 'closure'],
          'string',
          'number',
        ] as [string[], ...unknown[]],
      },
    },
    nodes: [1, 0, 100, 2, 0, 40, 3, 0, 5000, 4, 0, 7000, 5, 0, 32, 0, 0, 900],
  };

  it('counts objects, strings and closures', () => {
    expect(pageDataBytes(snapshot)).toBe(172);
  });

  it('leaves out compiled code, native objects and V8 internals', () => {
    const codeGrew = { ...snapshot, nodes: [...snapshot.nodes, 3, 0, 99_999, 4, 0, 1234] };
    expect(pageDataBytes(codeGrew)).toBe(172);
  });

  it('refuses a snapshot whose layout it cannot read', () => {
    const odd = {
      ...snapshot,
      snapshot: { meta: { ...snapshot.snapshot.meta, node_fields: ['id'] } },
    };
    expect(() => pageDataBytes(odd)).toThrow(/node types or sizes/);
  });
});
