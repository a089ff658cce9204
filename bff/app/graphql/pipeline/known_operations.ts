import { readFileSync } from 'node:fs';

/** Operation names metrics may carry; anything else is counted as 'other'. */
let known: Set<string> | undefined;

/**
 * The operations the apps send and the trusted documents name (`known_operations.json`, written
 * by `scripts/build.mjs` from the apps' sources trusted documents included). Metrics label only these, so a
 * client inventing operation names cannot grow /metrics.
 */
export function operationLabel(name: string | undefined): string {
  known ??= load();
  return name !== undefined && known.has(name) ? name : 'other';
}

function load(): Set<string> {
  try {
    const names = JSON.parse(
      readFileSync(new URL('../known_operations.json', import.meta.url), 'utf8'),
    ) as unknown;
    return new Set(Array.isArray(names) ? names.filter((n) => typeof n === 'string') : []);
  } catch {
    return new Set();
  }
}
