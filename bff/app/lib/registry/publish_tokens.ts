import { createHash, timingSafeEqual } from 'node:crypto';

/** A publisher: the name recorded in the audit log, and the digest of its token. */
interface Publisher {
  name: string;
  digest: Buffer;
}

const NAME = /^[\w.@-]{1,64}$/;

function digest(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/**
 * Publishers from `MOSAIC_PUBLISH_TOKEN` (named `default`) and `MOSAIC_PUBLISH_TOKENS`
 * (`alice:token1,ci:token2`). Read from the environment and never put in Egg's config, which
 * Egg dumps to `run/application_config.json`. Tokens under 16 characters are ignored.
 */
export function readPublishers(env: NodeJS.ProcessEnv = process.env): Publisher[] {
  const publishers: Publisher[] = [];
  const single = env.MOSAIC_PUBLISH_TOKEN?.trim();
  if (single && single.length >= 16) publishers.push({ name: 'default', digest: digest(single) });
  for (const pair of (env.MOSAIC_PUBLISH_TOKENS ?? '').split(',')) {
    const at = pair.indexOf(':');
    const name = pair.slice(0, at).trim();
    const token = pair.slice(at + 1).trim();
    if (at > 0 && NAME.test(name) && token.length >= 16) {
      publishers.push({ name, digest: digest(token) });
    }
  }
  return publishers;
}

/**
 * The name of the publisher whose token this is, or undefined. Compares digests in constant
 * time and checks every publisher, so timing says nothing about which token came close.
 */
export function publisherOf(token: string, publishers: readonly Publisher[]): string | undefined {
  const given = digest(token);
  let found: string | undefined;
  for (const publisher of publishers) {
    if (timingSafeEqual(given, publisher.digest) && found === undefined) found = publisher.name;
  }
  return found;
}

/** The publisher named by `Authorization: Bearer <publish token>`, or undefined. */
export function publisherOfAuthorization(authorization: string): string | undefined {
  const publishers = readPublishers();
  const match = /^Bearer\s+(\S+)$/i.exec(authorization);
  return match?.[1] && publishers.length > 0 ? publisherOf(match[1], publishers) : undefined;
}
