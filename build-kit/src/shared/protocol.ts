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
