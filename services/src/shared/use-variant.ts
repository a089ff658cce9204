import type { FastifyInstance } from 'fastify';

const VARIANT_PATTERN = /^[\w-]{1,32}$/;

/**
 * Which build of a service this process is: `MOSAIC_SERVICE_VARIANT` (e.g. `canary`), or
 * undefined for the stable one. The cluster topology starts a canary instance with it, and its
 * load balancer sends calls tagged `x-mosaic-env: canary` there.
 */
export function serviceVariant(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const variant = env.MOSAIC_SERVICE_VARIANT?.trim();
  if (!variant) return undefined;
  if (!VARIANT_PATTERN.test(variant)) {
    throw new Error(
      `MOSAIC_SERVICE_VARIANT='${variant}' is not a variant name: use letters, digits, _ or - (e.g. canary), or unset it`,
    );
  }
  return variant;
}

/** A variant build says so on every response (`x-mosaic-variant`), so callers can tell. */
export function useVariant(app: FastifyInstance, variant: string | undefined): void {
  if (!variant) return;
  app.addHook('onSend', async (_request, reply) => {
    reply.header('x-mosaic-variant', variant);
  });
}
