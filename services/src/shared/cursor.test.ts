import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './cursor.js';
import { ServiceError } from './service-error.js';

describe('cursors', () => {
  it('round-trip the sort key', () => {
    expect(decodeCursor(encodeCursor('XM-DRK-001'))).toBe('XM-DRK-001');
  });

  it('reject anything they did not issue with BAD_REQUEST', () => {
    for (const bad of ['garbage', Buffer.from('{"after":1}').toString('base64url')]) {
      expect(() => decodeCursor(bad)).toThrow(ServiceError);
    }
  });
});
