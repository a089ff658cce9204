/** A user of one tenant, as the API returns it (never with the password hash). */
export interface User {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
}

/** A tenant, as the API returns it. */
export interface Tenant {
  id: string;
  name: string;
}

/** The answer to a successful `POST /sessions/verify`. */
export interface VerifiedSession {
  user: User;
  tenant: Tenant;
  /** Names of the sub-apps the user's roles may open. */
  apps: string[];
}
