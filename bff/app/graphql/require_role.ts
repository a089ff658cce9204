import { ROLE_RULES, rolesAllow } from '@mosaic/contracts';
import type { RoleRule } from '@mosaic/contracts';
import { BffError, ErrorCode } from '../lib/http/errors.js';
import type { GraphqlContext } from './context.js';

// Who may do what is the platform's contract (@mosaic/contracts' ROLE_RULES): resolvers call
// requireRole with one of its rules; nothing else checks roles.
export type { RoleRule };

/** Throw FORBIDDEN unless the signed-in user holds one of the rule's roles. */
export function requireRole(context: GraphqlContext, rule: RoleRule, what: string): void {
  if (!rolesAllow(context.user.roles, rule)) {
    const allowed: readonly string[] = ROLE_RULES[rule];
    throw new BffError(
      ErrorCode.FORBIDDEN,
      `${what} needs the role ${allowed.join(' or ')}; you are ${context.user.roles.join(', ') || 'without a role'}`,
    );
  }
}
