import type { AppList } from './app-entry.js';

/**
 * The id of the data block (`<script type="application/json" id="mosaic-boot">`) the BFF puts
 * into the shell's page for a navigation that carries a valid session: what `GET /api/session`
 * and `GET /api/apps` would answer next, so a signed-in page starts its first app without
 * asking for either. Not executable (a CSP's script-src does not apply), escaped so no value
 * can close the element.
 */
export const SHELL_BOOT_ELEMENT_ID = 'mosaic-boot';

/** The data block's JSON. */
export interface ShellBoot {
  /** `GET /api/session`'s answer: `{user, tenant}`. */
  session: unknown;
  /** `GET /api/apps`'s answer. */
  appList: AppList;
}
