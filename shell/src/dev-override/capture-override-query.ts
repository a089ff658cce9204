import {
  applyOverrideQuery,
  OVERRIDE_QUERY_PARAM,
  readOverrides,
  writeOverrides,
} from './override-store.js';

/**
 * Moves `?mosaic-override=…` from the address bar into this browser's localStorage
 * (so it survives navigation and is never shared with anyone the link is sent to).
 * Whether overrides are honoured is decided later, once /api/apps has answered.
 */
export function captureOverrideQuery(): void {
  const url = new URL(window.location.href);
  if (!url.searchParams.has(OVERRIDE_QUERY_PARAM)) return;
  writeOverrides(applyOverrideQuery(readOverrides(), url.search));
  url.searchParams.delete(OVERRIDE_QUERY_PARAM);
  window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
}
