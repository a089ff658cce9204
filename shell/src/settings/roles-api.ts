import type { RoleGrantList } from '@mosaic/contracts';
import { requestJson } from '../session/request-json.js';

/** `GET /api/roles` (owner only). */
export async function fetchRoles(): Promise<RoleGrantList> {
  const body = (await requestJson('/api/roles')) as Partial<RoleGrantList> | undefined;
  return { roles: body?.roles ?? [], apps: body?.apps ?? [] };
}

/** Grant (`open`) or revoke `app` for `role`; resolves with the role's apps after. */
export async function setGrant(role: string, app: string, open: boolean): Promise<string[]> {
  const path = `/api/roles/${encodeURIComponent(role)}/apps/${encodeURIComponent(app)}`;
  const body = (await requestJson(
    path,
    open
      ? { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{}' }
      : { method: 'DELETE' },
  )) as { apps?: string[] } | undefined;
  return body?.apps ?? [];
}
