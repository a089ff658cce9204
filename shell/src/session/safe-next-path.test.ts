import { describe, expect, it } from 'vitest';
import { safeNextPath } from './safe-next-path.js';

describe('safeNextPath', () => {
  it('keeps a requested in-app path', () => {
    expect(safeNextPath('/inventory?q=1')).toBe('/inventory?q=1');
  });

  it('refuses other origins and the sign-in page itself', () => {
    expect(safeNextPath('//evil.example')).toBe('/');
    expect(safeNextPath('https://evil.example')).toBe('/');
    expect(safeNextPath('/signin')).toBe('/');
    expect(safeNextPath(null)).toBe('/');
  });
});
