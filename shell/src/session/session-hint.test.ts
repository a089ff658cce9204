import { describe, expect, it } from 'vitest';
import { sessionLikely } from './session-hint.js';

describe('given the cookies a page can read', () => {
  it('takes a session as likely only with the hint the BFF set at sign-in', () => {
    expect(sessionLikely('theme=dark; mosaic_signed_in=1')).toBe(true);
    expect(sessionLikely('mosaic_signed_in=1')).toBe(true);
  });

  it('takes a signed-out browser as signed out', () => {
    expect(sessionLikely('')).toBe(false);
    expect(sessionLikely('theme=dark')).toBe(false);
    expect(sessionLikely('mosaic_signed_in=')).toBe(false);
    expect(sessionLikely('x_mosaic_signed_in=1')).toBe(false);
  });
});
