import { ROLE_RULES } from '@mosaic/contracts';
import type { Bus, GraphQLClient } from '@mosaic/build-kit';
import { createContext, useContext } from 'react';

/** What every inventory screen needs from the mount context, plus in-app navigation. */
export interface InventoryContextValue {
  graphql: GraphQLClient;
  bus: Bus;
  tenantName: string;
  /** Roles that may change stock and products (owner, keeper). */
  canEdit: boolean;
  /** Whether the user may read the business-operation log (the owner). */
  canSeeActivity: boolean;
  /** Go to a path inside the app, e.g. '/products/p-1'. */
  go: (path: string) => void;
}

export const InventoryContext = createContext<InventoryContextValue | null>(null);

export function useInventory(): InventoryContextValue {
  const value = useContext(InventoryContext);
  if (!value) throw new Error('inventory screens must render inside <InventoryApp>');
  return value;
}

/** Roles allowed to adjust, transfer and edit; the BFF checks the same and answers FORBIDDEN. */
export const EDITOR_ROLES: readonly string[] = ROLE_RULES.manageStock;

/** Roles that see the Activity screen (the operation log); the BFF answers FORBIDDEN to others. */
export const ACTIVITY_ROLES: readonly string[] = ROLE_RULES.operationLog;
