import type { Context, Next } from 'egg';
import { PREREAD_BODY } from '../graphql/pipeline/fast_lane.js';
import { BffError, ErrorCode } from '../lib/http/errors.js';

/**
 * A request the GraphQL fast lane read but did not answer arrives with its body already read:
 * give it to Egg parsed, as the body parser would (which then leaves it alone), with the same
 * error for a body that is not JSON.
 */
export default function prereadBodyMiddleware() {
  return async function prereadBody(ctx: Context, next: Next): Promise<void> {
    const raw = (ctx.req as { [PREREAD_BODY]?: Buffer })[PREREAD_BODY];
    if (raw) {
      try {
        ctx.request.body = JSON.parse(raw.toString()) as unknown;
      } catch (err) {
        throw new BffError(
          ErrorCode.BAD_REQUEST,
          `request body is not valid JSON: ${(err as Error).message}`,
          { cause: err },
        );
      }
    }
    await next();
  };
}
