/** Version of the sub-app protocol this build-kit speaks (semver). */
export const PROTOCOL_VERSION = '1.6.0';

/** Major part of a semver string, or `undefined` when it is not one. */
export function protocolMajor(version: string): number | undefined {
  const match = /^(\d+)\.\d+\.\d+/.exec(version);
  return match ? Number(match[1]) : undefined;
}

/** A host and an app can work together when their protocol majors match. */
export function isProtocolCompatible(version: string, ours: string = PROTOCOL_VERSION): boolean {
  const major = protocolMajor(version);
  return major !== undefined && major === protocolMajor(ours);
}

/**
 * Whether `version` (an app's protocol) is `minimum` or later within the same major, e.g.
 * `protocolAtLeast('1.6.2', '1.6')`: how a host asks whether an app knows a minor's feature.
 */
export function protocolAtLeast(version: string, minimum: string): boolean {
  const have = /^(\d+)\.(\d+)\./.exec(version);
  const want = /^(\d+)\.(\d+)/.exec(minimum);
  if (!have || !want) return false;
  return Number(have[1]) === Number(want[1]) && Number(have[2]) >= Number(want[2]);
}
