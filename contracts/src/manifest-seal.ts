/**
 * The seal of a built app's `mosaic.json`. build-kit writes a digest of every manifest field but
 * `files` into the entry HTML, which `files` hashes; the registry recomputes it from the posted
 * `mosaic.json` and refuses a mismatch. So `roles`, `protocol`, `route`… cannot be edited after
 * the build without also editing the entry and its hash: it stops hand edits, not a forger
 * holding a publish token. Hashing is left to the caller (Node's `crypto`), so this module runs
 * anywhere.
 */

/** `<meta name="mosaic-manifest" content="sha256-<hex>">` in the entry HTML's head. */
export const MANIFEST_SEAL_META = 'mosaic-manifest';

const SEAL_PATTERN = /<meta name="mosaic-manifest" content="sha256-([0-9a-f]{64})"\s*\/?>/;

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * The text whose sha256 seals a manifest: every field but `files`, as JSON with sorted keys and
 * no spaces, so key order and indentation do not matter but any value does.
 */
export function manifestSealText(manifest: Readonly<Record<string, unknown>>): string {
  const { files: _files, ...fields } = manifest;
  return canonicalJson(fields);
}

/** The meta tag that carries a seal (hex sha256 of {@link manifestSealText}). */
export function manifestSealTag(sha256Hex: string): string {
  return `<meta name="${MANIFEST_SEAL_META}" content="sha256-${sha256Hex}" />`;
}

/** The hex sha256 an entry HTML carries as its seal, or undefined when it carries none. */
export function readManifestSeal(html: string): string | undefined {
  return SEAL_PATTERN.exec(html)?.[1];
}
