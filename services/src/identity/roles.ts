/** The roles a user may hold. */
export const ROLES = ['owner', 'clerk', 'keeper'] as const;
export type Role = (typeof ROLES)[number];

/** Stands for every app, including apps published after this list was written. */
export const ALL_APPS = '*';

/**
 * Which sub-apps each role may open (DESIGN.md): owner all — any app a team publishes for the
 * owner role, without a change here —, clerk sales + shop, keeper inventory.
 */
export const ROLE_APPS: Record<Role, readonly string[]> = {
  owner: [ALL_APPS],
  clerk: ['sales', 'shop'],
  keeper: ['inventory'],
};

/** The apps any of `roles` may open, each once, in a stable order. */
export function appsFor(roles: readonly string[]): string[] {
  const apps = new Set<string>();
  for (const role of roles) for (const app of ROLE_APPS[role as Role] ?? []) apps.add(app);
  return [...apps].sort();
}
