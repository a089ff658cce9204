import { BffError, ErrorCode } from '../lib/errors.js';
import type { GraphqlContext } from './context.js';

/** Who may do what. Resolvers call requireRole with one of these; nothing else checks roles. */
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
} as const satisfies Record<string, readonly string[]>;

export type RoleRule = keyof typeof ROLE_RULES;

/** Throw FORBIDDEN unless the signed-in user holds one of the rule's roles. */
export function requireRole(context: GraphqlContext, rule: RoleRule, what: string): void {
  const allowed: readonly string[] = ROLE_RULES[rule];
  if (!context.user.roles.some((role) => allowed.includes(role))) {
    throw new BffError(
      ErrorCode.FORBIDDEN,
      `${what} needs the role ${allowed.join(' or ')}; you are ${context.user.roles.join(', ') || 'without a role'}`,
    );
  }
}
