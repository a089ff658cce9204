import { describe, expect, it } from 'vitest';
import { isSharedReactCompatible } from './shared-libraries.js';

describe('isSharedReactCompatible', () => {
  it('shares React across patch releases of one minor', () => {
    expect(isSharedReactCompatible('19.2.0', '19.2.3')).toBe(true);
  });

  it('does not share across minors or majors', () => {
    expect(isSharedReactCompatible('19.2.0', '19.1.9')).toBe(false);
    expect(isSharedReactCompatible('18.3.1', '19.3.1')).toBe(false);
  });

  it('does not share when a version is not semver', () => {
    expect(isSharedReactCompatible('latest', '19.3.1')).toBe(false);
  });
});
