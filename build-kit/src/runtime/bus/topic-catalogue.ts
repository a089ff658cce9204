import { z } from 'zod/mini';

/*
 * The one catalogue of bus topics, shared by the shell and every app. Each schema
 * is both the runtime check at the bus boundary and (through types.ts) the
 * TypeScript type of the payload. Adding a topic or an optional field is a minor
 * protocol change; renaming or removing one is a major change.
 */

const id = z.string().check(z.minLength(1));
/** Money crosses the bus as the API does: a decimal string in yuan, e.g. '12.50'. */
const money = z.string().check(z.regex(/^-?\d+(\.\d{1,2})?$/));
const count = z.int().check(z.minimum(0));

const tenant = z.object({ id, name: z.string() });
const user = z.object({
  id,
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.string()),
});

export interface EventTopicSpec<S extends z.ZodMiniType = z.ZodMiniType> {
  payload: S;
  /** A late subscriber is handed the last value published. */
  sticky: boolean;
}

export interface RequestTopicSpec<
  Q extends z.ZodMiniType = z.ZodMiniType,
  R extends z.ZodMiniType = z.ZodMiniType,
> {
  request: Q;
  response: R;
}

/** Fire-and-forget events: `bus.publish` / `bus.subscribe`. */
export const eventTopics = {
  /** A sales order was placed (sales, shop). */
  'order.created': {
    sticky: false,
    payload: z.object({
      orderId: id,
      total: money,
      lineCount: count,
      customerId: z.optional(z.nullable(id)),
    }),
  },
  /** Stock levels changed (inventory adjustments and transfers, sales). */
  'stock.changed': {
    sticky: false,
    payload: z.object({
      reason: z.enum(['adjustment', 'transfer', 'sale', 'other']),
      items: z.array(z.object({ productId: id, warehouseId: z.optional(id), onHand: z.int() })),
    }),
  },
  /** The shopper's cart (shop). Sticky, so the shell's badge and late apps see it. */
  'cart.updated': {
    sticky: true,
    payload: z.object({ itemCount: count, total: money }),
  },
  /** Who is signed in; published by the shell, sticky. `null` after sign-out. */
  'session.changed': {
    sticky: true,
    payload: z.object({ tenant: z.nullable(tenant), user: z.nullable(user) }),
  },
  /** An app asks the shell to move to `path` (the same as `ctx.navigate`). */
  'nav.request': {
    sticky: false,
    payload: z.object({
      path: z.string().check(z.regex(/^\/(?!\/)/)),
      replace: z.optional(z.boolean()),
    }),
  },
  /**
   * Where the shell's router is now (`pathname`, e.g. '/sales/orders'); published by the
   * shell on every move, sticky. A mounted app's own router follows it, so a move the app
   * did not make (the shell's nav entry for the app it is in, a `nav.request` from another
   * app) still reaches it.
   */
  'route.changed': {
    sticky: true,
    payload: z.object({ path: z.string().check(z.regex(/^\/(?!\/)/)) }),
  },
  /** Any app asks the shell to show a toast; the shell owns where and how long. */
  'toast.show': {
    sticky: false,
    payload: z.object({
      message: z.string().check(z.minLength(1), z.maxLength(300)),
      tone: z.optional(z.enum(['info', 'success', 'warning', 'error'])),
      /** How long it stays, in ms; errors stay until dismissed when omitted. */
      durationMs: z.optional(z.int().check(z.minimum(1000), z.maximum(60_000))),
    }),
  },
  /** The mounted app names its current page; the shell puts it in the document title. */
  'title.set': {
    sticky: false,
    payload: z.object({ title: z.string().check(z.maxLength(120)) }),
  },
  /** The user switched language (BCP 47, e.g. 'en-US'); published by the shell, sticky. */
  'locale.changed': {
    sticky: true,
    payload: z.object({ locale: z.string().check(z.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/)) }),
  },
} satisfies Record<string, EventTopicSpec>;

/** Request/response: `bus.request` / `bus.respond`; one app answers each topic. */
export const requestTopics = {
  /** Stock overview of the tenant; answered by inventory while it is mounted. */
  'stock.summary': {
    request: z.object({ lowStockBelow: z.optional(count) }),
    response: z.object({ productCount: count, lowStockCount: count }),
  },
  /** On-hand stock of some products; answered by inventory. */
  'stock.query': {
    request: z.object({ productIds: z.array(id).check(z.minLength(1), z.maxLength(200)) }),
    response: z.object({ items: z.array(z.object({ productId: id, onHand: z.int() })) }),
  },
} satisfies Record<string, RequestTopicSpec>;

export type EventTopicCatalogue = typeof eventTopics;
export type RequestTopicCatalogue = typeof requestTopics;
