/** Loyalty tiers; pricing may give a member price list per level. */
export const MEMBER_LEVELS = ['none', 'silver', 'gold', 'platinum'] as const;
export type MemberLevel = (typeof MEMBER_LEVELS)[number];

/** A customer of one tenant, as the API returns it. */
export interface Customer {
  id: string;
  name: string;
  /** Mainland mobile number, unique per tenant. */
  phone: string;
  address: string | null;
  memberLevel: MemberLevel;
}
