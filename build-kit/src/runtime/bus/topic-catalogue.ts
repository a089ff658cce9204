import * as v from 'valibot';

/*
 * The one catalogue of bus topics, shared by the shell and every app. Each schema
 * is both the runtime check at the bus boundary and (through types.ts) the
 * TypeScript type of the payload. Adding a topic or an optional field is a minor
 * protocol change; renaming or removing one is a major change.
 */

const id = v.pipe(v.string(), v.minLength(1));
/** Money crosses the bus as the API does: a decimal string in yuan, e.g. '12.50'. */
const money = v.pipe(v.string(), v.regex(/^-?\d+(\.\d{1,2})?$/));
const int = v.pipe(v.number(), v.integer());
const count = v.pipe(v.number(), v.integer(), v.minValue(0));

/** A payload's schema: valibot's, whose output type is also the payload's TypeScript type. */
export type BusSchema = v.GenericSchema;

const tenant = v.object({ id, name: v.string() });
const user = v.object({
  id,
  username: v.string(),
  displayName: v.string(),
  roles: v.array(v.string()),
});

export interface EventTopicSpec<S extends BusSchema = BusSchema> {
  payload: S;
  /** A late subscriber is handed the last value published. */
  sticky: boolean;
}

export interface RequestTopicSpec<
  Q extends BusSchema = BusSchema,
  R extends BusSchema = BusSchema,
> {
  request: Q;
  response: R;
}

/** Fire-and-forget events: `bus.publish` / `bus.subscribe`. */
export const eventTopics = {
  /** A sales order was placed (sales, shop). */
  'order.created': {
    sticky: false,
    payload: v.object({
      orderId: id,
      total: money,
      lineCount: count,
      customerId: v.optional(v.nullable(id)),
    }),
  },
  /** Stock levels changed (inventory adjustments and transfers, sales). */
  'stock.changed': {
    sticky: false,
    payload: v.object({
      reason: v.picklist(['adjustment', 'transfer', 'sale', 'other']),
      items: v.array(v.object({ productId: id, warehouseId: v.optional(id), onHand: int })),
    }),
  },
  /** The shopper's cart (shop). Sticky, so the shell's badge and late apps see it. */
  'cart.updated': {
    sticky: true,
    payload: v.object({ itemCount: count, total: money }),
  },
  /** Who is signed in; published by the shell, sticky. `null` after sign-out. */
  'session.changed': {
    sticky: true,
    payload: v.object({ tenant: v.nullable(tenant), user: v.nullable(user) }),
  },
  /** An app asks the shell to move to `path` (the same as `ctx.navigate`). */
  'nav.request': {
    sticky: false,
    payload: v.object({
      path: v.pipe(v.string(), v.regex(/^\/(?!\/)/)),
      replace: v.optional(v.boolean()),
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
    payload: v.object({ path: v.pipe(v.string(), v.regex(/^\/(?!\/)/)) }),
  },
  /** Any app asks the shell to show a toast; the shell owns where and how long. */
  'toast.show': {
    sticky: false,
    payload: v.object({
      message: v.pipe(v.string(), v.minLength(1), v.maxLength(300)),
      tone: v.optional(v.picklist(['info', 'success', 'warning', 'error'])),
      /** How long it stays, in ms; errors stay until dismissed when omitted. */
      durationMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1000), v.maxValue(60_000))),
    }),
  },
  /** The mounted app names its current page; the shell puts it in the document title. */
  'title.set': {
    sticky: false,
    payload: v.object({ title: v.pipe(v.string(), v.maxLength(120)) }),
  },
  /** The user switched language (BCP 47, e.g. 'en-US'); published by the shell, sticky. */
  'locale.changed': {
    sticky: true,
    payload: v.object({ locale: v.pipe(v.string(), v.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/)) }),
  },
} satisfies Record<string, EventTopicSpec>;

/** Request/response: `bus.request` / `bus.respond`; one app answers each topic. */
export const requestTopics = {
  /** Stock overview of the tenant; answered by inventory while it is mounted. */
  'stock.summary': {
    request: v.object({ lowStockBelow: v.optional(count) }),
    response: v.object({ productCount: count, lowStockCount: count }),
  },
  /** On-hand stock of some products; answered by inventory. */
  'stock.query': {
    request: v.object({ productIds: v.pipe(v.array(id), v.minLength(1), v.maxLength(200)) }),
    response: v.object({ items: v.array(v.object({ productId: id, onHand: int })) }),
  },
} satisfies Record<string, RequestTopicSpec>;

export type EventTopicCatalogue = typeof eventTopics;
export type RequestTopicCatalogue = typeof requestTopics;
