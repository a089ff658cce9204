import type { Context } from 'egg';

/** A request header as one string ('' when absent; repeated headers joined by ', '). */
export function header(ctx: Context, name: string): string {
  const value = ctx.get(name);
  return Array.isArray(value) ? value.join(', ') : value;
}
