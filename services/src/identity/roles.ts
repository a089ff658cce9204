/** The roles a user may hold. */
export const ROLES = ['owner', 'clerk', 'keeper'] as const;
export type Role = (typeof ROLES)[number];

/** Which sub-apps each role may open (DESIGN.md): owner all, clerk sales + shop, keeper inventory. */
export const ROLE_APPS: Record<Role, readonly string[]> = {
  owner: ['inventory', 'sales', 'shop'],
  clerk: ['sales', 'shop'],
  keeper: ['inventory'],
};

/** The apps any of `roles` may open, each once, in a stable order. */
export function appsFor(roles: readonly string[]): string[] {
  const apps = new Set<string>();
  for (const role of roles) for (const app of ROLE_APPS[role as Role] ?? []) apps.add(app);
  return [...apps].sort();
}
