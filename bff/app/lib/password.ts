import { scrypt, timingSafeEqual } from 'node:crypto';

/**
 * Password hashes are `scrypt$N$r$p$<salt base64url>$<hash base64url>` (node:crypto scrypt, no
 * native add-on). Demo hashes were made with N=16384, r=8, p=1, 16-byte salt, 32-byte key.
 */
function scryptAsync(
  password: string,
  salt: Buffer,
  keyLength: number,
  options: { N: number; r: number; p: number },
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, keyLength, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

/** True when `password` matches `encoded`; constant-time compare, false for malformed hashes. */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = encoded.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await scryptAsync(password, Buffer.from(salt, 'base64url'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return timingSafeEqual(actual, expected);
}

/**
 * A valid hash of no known password: checked when the user does not exist, so a wrong username
 * costs the same time as a wrong password and does not reveal which accounts exist.
 */
export const DECOY_PASSWORD_HASH =
  'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
