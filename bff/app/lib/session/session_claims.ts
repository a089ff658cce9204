/** The signed-in identity carried by a session token; the only source of the tenant. */
export interface Session {
  tenantId: string;
  userId: string;
  username: string;
  roles: string[];
  /** Expiry, seconds since the epoch. */
  expiresAt: number;
  /** The token's id (`jti`): what sign-out puts on the deny list. */
  tokenId: string;
}
