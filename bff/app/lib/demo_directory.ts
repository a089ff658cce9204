/**
 * The demo tenants and users (DESIGN.md), until the identity service exists. Only scrypt hashes
 * of the demo password are stored here, never the password itself.
 */
export interface DirectoryTenant {
  id: string;
  name: string;
}

export interface DirectoryUser {
  id: string;
  tenantId: string;
  username: string;
  displayName: string;
  roles: string[];
  passwordHash: string;
}

export const demoTenants: readonly DirectoryTenant[] = [
  { id: 'xiaomai', name: '小麦便利店' },
  { id: 'chaye', name: '茶叶铺' },
];

export const demoUsers: readonly DirectoryUser[] = [
  {
    id: 'u-xiaomai-owner',
    tenantId: 'xiaomai',
    username: 'owner',
    displayName: '王小麦',
    roles: ['owner'],
    passwordHash:
      'scrypt$16384$8$1$JgnX1KCcSPIxa0lfgHG5JA$e7UO-bBoKposPYGnapakfxi6ZDkKGs7vUl_Yq18limo',
  },
  {
    id: 'u-xiaomai-clerk',
    tenantId: 'xiaomai',
    username: 'clerk',
    displayName: '李收银',
    roles: ['clerk'],
    passwordHash:
      'scrypt$16384$8$1$TjnZuaB7ES4KccR6Ia1PCw$EdU7sVb8KduAQAKrUEnsDsKHAODoQpVSkKp5tX18tKs',
  },
  {
    id: 'u-xiaomai-keeper',
    tenantId: 'xiaomai',
    username: 'keeper',
    displayName: '张库管',
    roles: ['keeper'],
    passwordHash:
      'scrypt$16384$8$1$Ij2sVVtp--NKEqzM0AeAdQ$El_gK-zQVajbDRAwTfryXUK1vLC2ApEOP3GfLQ3z3sI',
  },
  {
    id: 'u-chaye-owner',
    tenantId: 'chaye',
    username: 'owner',
    displayName: '陈茶香',
    roles: ['owner'],
    passwordHash:
      'scrypt$16384$8$1$3lrEhrkE34D5NZCtjimaXQ$2vaSHZnCTc5ZQMA7cjWsEzluVKDLScXW-c2o85JYD_M',
  },
];
