import { Service } from 'egg';
import { demoTenants, demoUsers } from '../lib/demo_directory.js';
import { DECOY_PASSWORD_HASH, verifyPassword } from '../lib/password.js';

/** A user as the rest of the BFF sees it (never with a password hash). */
export interface IdentityUser {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
}

export interface IdentityTenant {
  id: string;
  name: string;
}

export interface IdentityRecord {
  user: IdentityUser;
  tenant: IdentityTenant;
}

/**
 * Who exists and how they prove it. Today an in-memory demo directory; the identity service
 * replaces the body of these two methods with HTTP calls and nothing else changes.
 */
export default class IdentityService extends Service {
  /** The user when tenant, username and password all match, else null (same cost either way). */
  async verifyCredentials(
    tenantId: string,
    username: string,
    password: string,
  ): Promise<IdentityRecord | null> {
    const found = demoUsers.find((u) => u.tenantId === tenantId && u.username === username);
    const ok = await verifyPassword(password, found?.passwordHash ?? DECOY_PASSWORD_HASH);
    return ok && found ? this.findUser(tenantId, found.id) : null;
  }

  /** The user with this id in this tenant, or null. */
  async findUser(tenantId: string, userId: string): Promise<IdentityRecord | null> {
    const tenant = demoTenants.find((t) => t.id === tenantId);
    const user = demoUsers.find((u) => u.tenantId === tenantId && u.id === userId);
    if (!tenant || !user) return null;
    const { id, username, displayName, roles } = user;
    return { user: { id, username, displayName, roles: [...roles] }, tenant: { ...tenant } };
  }
}
