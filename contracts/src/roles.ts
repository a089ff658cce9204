/** The roles a user may hold. */
export const ROLES = ['owner', 'clerk', 'keeper'] as const;
export type Role = (typeof ROLES)[number];

/** Stands for every app, including apps published after the grants were written. */
export const ALL_APPS = '*';

/**
 * Which sub-apps each role may open by default (DESIGN.md): the owner all — any app a team
 * publishes for the owner role, without a change here —, the clerk sales and shop, the keeper
 * inventory. The identity service seeds every tenant's grants with these (migration
 * `901-role-grants`); from then on they are data, changed by the tenant's owner
 * (`/api/roles`). The owner's `*` never changes.
 */
export const DEFAULT_ROLE_APPS: Readonly<Record<Role, readonly string[]>> = {
  owner: [ALL_APPS],
  clerk: ['sales', 'shop'],
  keeper: ['inventory'],
};

/**
 * Who may do what, by rule: the BFF's resolvers refuse the rest (FORBIDDEN), and an app may
 * hide what the user could not do anyway (inventory hides stock edits from a clerk).
 */
export const ROLE_RULES = {
  /** Stock corrections and transfers: the clerk sells, she does not count stock. */
  manageStock: ['owner', 'keeper'],
  /** Catalog edits. */
  manageProducts: ['owner', 'keeper'],
  /** Orders, totals, customers: the keeper sees no sales figures. */
  sales: ['owner', 'clerk'],
  /** The shop storefront and checkout. */
  shop: ['owner', 'clerk'],
  /** Stock history. */
  stockHistory: ['owner', 'keeper'],
  /** The owner's dashboard. */
  dashboard: ['owner'],
  /** The business-operation log (who changed what): the owner's alone. */
  operationLog: ['owner'],
} as const satisfies Record<string, readonly Role[]>;

export type RoleRule = keyof typeof ROLE_RULES;

/** Whether any of `roles` passes `rule`. */
export function rolesAllow(roles: readonly string[], rule: RoleRule): boolean {
  const allowed: readonly string[] = ROLE_RULES[rule];
  return roles.some((role) => allowed.includes(role));
}

/** The apps any of `roles` may open by default, each once, in a stable order. */
export function defaultAppsFor(roles: readonly string[]): string[] {
  const apps = new Set<string>();
  for (const role of roles) {
    for (const app of DEFAULT_ROLE_APPS[role as Role] ?? []) apps.add(app);
  }
  return [...apps].sort();
}
