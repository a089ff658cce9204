const SEMVER = /^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

/** True for `1.2.3`, `1.2.3-canary.1`, `1.2.3+build`. */
export function isSemver(version: string): boolean {
  return SEMVER.test(version);
}

/** True for `1.2.3-canary.1`, false for `1.2.3` and `1.2.3+build`. */
export function isPrerelease(version: string): boolean {
  return SEMVER.exec(version)?.[4] !== undefined;
}

/** Order two semver strings (semver 2.0 precedence); both must pass isSemver. */
export function compareSemver(a: string, b: string): number {
  const [, aMaj, aMin, aPat, aPre] = SEMVER.exec(a) ?? [];
  const [, bMaj, bMin, bPat, bPre] = SEMVER.exec(b) ?? [];
  for (const [x, y] of [
    [aMaj, bMaj],
    [aMin, bMin],
    [aPat, bPat],
  ] as const) {
    const diff = Number(x) - Number(y);
    if (diff !== 0) return Math.sign(diff);
  }
  if (aPre === bPre) return 0;
  if (aPre === undefined) return 1; // a release outranks its pre-releases
  if (bPre === undefined) return -1;
  const aParts = aPre.split('.');
  const bParts = bPre.split('.');
  for (let i = 0; i < Math.max(aParts.length, bParts.length); i++) {
    const x = aParts[i];
    const y = bParts[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const xNum = /^\d+$/.test(x);
    const yNum = /^\d+$/.test(y);
    if (xNum && yNum && Number(x) !== Number(y)) return Math.sign(Number(x) - Number(y));
    if (xNum !== yNum) return xNum ? -1 : 1;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}
