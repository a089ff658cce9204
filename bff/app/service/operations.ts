import { Service } from 'egg';
import { z } from 'zod';
import { BffError, ErrorCode } from '../lib/http/errors.js';
import type { UpstreamName } from '../lib/mosaic_config.js';
import { pageOf, pageQuery } from '../lib/upstream/page_schemas.js';
import type { Page } from '../lib/upstream/page_schemas.js';
import { upstreamFor } from '../lib/upstream/upstream_for.js';

export const OperationSchema = z.object({
  id: z.string(),
  at: z.string(),
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  operation: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
  traceId: z.string().nullable(),
});

/** One business operation and the service whose data it changed. */
export type Operation = z.infer<typeof OperationSchema> & { service: UpstreamName };

/** Which service owns each entity type, so a filtered read asks only that service. */
const OWNER: Record<string, UpstreamName> = {
  stock: 'inventory',
  reservation: 'inventory',
  warehouse: 'inventory',
  order: 'sales',
  product: 'catalog',
  'price-list': 'pricing',
  promotion: 'pricing',
  customer: 'party',
  user: 'identity',
};
const SERVICES: readonly UpstreamName[] = [
  'inventory',
  'sales',
  'catalog',
  'pricing',
  'party',
  'identity',
];

export interface OperationFilter {
  limit: number;
  cursor?: string | null;
  entityType?: string | null;
  user?: string | null;
}

/**
 * One page of the merged log, and the services whose log did not answer (their rows are missing
 * from it, and the next page asks them again from where they stood).
 */
export interface OperationsPage extends Page<Operation> {
  unavailable: UpstreamName[];
}

/** Upstream failures that cost only that service's rows: it is away, or answered nonsense. */
function isOutage(error: unknown): error is BffError {
  return (
    error instanceof BffError &&
    (error.code === ErrorCode.UPSTREAM_UNAVAILABLE ||
      error.code === ErrorCode.UPSTREAM_TIMEOUT ||
      error.code === ErrorCode.UPSTREAM_BAD_RESPONSE)
  );
}

/** Where the merged list stands in each service's log: the last id shown, or done. */
type Position = Partial<Record<UpstreamName, string | 'done'>>;

function decodePosition(cursor: string): Position {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
      const entries = Object.entries(parsed);
      if (
        entries.every(
          ([name, at]) =>
            SERVICES.includes(name as UpstreamName) &&
            typeof at === 'string' &&
            /^(\d{1,18}|done)$/.test(at),
        )
      ) {
        return parsed as Position;
      }
    }
  } catch {
    // answered below
  }
  throw new BffError(ErrorCode.BAD_USER_INPUT, 'operations(after:) is not a cursor this API gave', {
    fields: [{ path: 'after', message: 'pass pageInfo.endCursor of the previous page' }],
  });
}

/**
 * The tenant's business-operation log: each service keeps the log of its own data; this reads
 * one page from each (or from the one owning `entityType`) and merges them newest first.
 */
export default class OperationsService extends Service {
  async list(tenantId: string, filter: OperationFilter): Promise<OperationsPage> {
    const position = filter.cursor ? decodePosition(filter.cursor) : {};
    if (filter.entityType && !OWNER[filter.entityType]) {
      return { items: [], nextCursor: null, unavailable: [] };
    }
    const owner = filter.entityType ? OWNER[filter.entityType] : undefined;
    const asked = (owner ? [owner] : SERVICES).filter((name) => position[name] !== 'done');
    const settled = await Promise.allSettled(
      asked.map(async (service) => {
        const page = await upstreamFor(this.ctx, service, tenantId).get(
          `/operations?${pageQuery({
            limit: filter.limit,
            before: position[service],
            entity: filter.entityType,
            user: filter.user,
          })}`,
          pageOf(OperationSchema),
        );
        return { service, page };
      }),
    );
    // A service that is away costs its rows, not the page: the others' rows are shown and the
    // caller is told which are missing. Nothing answered, or another failure: the query fails.
    const failures = settled.flatMap((result) =>
      result.status === 'rejected' ? [result.reason as unknown] : [],
    );
    const pages = settled.flatMap((result) =>
      result.status === 'fulfilled' ? [result.value] : [],
    );
    const unavailable = asked.filter((_, i) => settled[i]?.status === 'rejected');
    const fatal = failures.find((error) => !isOutage(error));
    if (fatal !== undefined || (failures.length > 0 && pages.length === 0))
      throw fatal ?? failures[0];
    // A k-way merge: each service's page is in its own (id) order and is taken as a prefix, so
    // where the list stands in each log is one id and no row is skipped on the next page; among
    // the services' next rows the newest goes first.
    const heads = pages.map(() => 0);
    const items: Operation[] = [];
    while (items.length < filter.limit) {
      let pick = -1;
      for (const [i, { page }] of pages.entries()) {
        const head = page.items[heads[i] ?? 0];
        const best = pick >= 0 ? pages[pick]?.page.items[heads[pick] ?? 0] : undefined;
        if (head && (!best || head.at > best.at)) pick = i;
      }
      const chosen = pages[pick];
      if (!chosen) break;
      const index = heads[pick] ?? 0;
      items.push({ ...(chosen.page.items[index] as Operation), service: chosen.service });
      heads[pick] = index + 1;
    }
    const next: Position = { ...position };
    for (const service of owner ? SERVICES.filter((name) => name !== owner) : []) {
      next[service] = 'done';
    }
    for (const { service, page } of pages) {
      const shown = items.filter((item) => item.service === service);
      const last = shown.at(-1);
      if (last) next[service] = last.id;
      if (page.nextCursor === null && shown.length === page.items.length) next[service] = 'done';
    }
    const more = SERVICES.some((name) => next[name] !== 'done');
    return {
      items,
      nextCursor: more ? Buffer.from(JSON.stringify(next), 'utf8').toString('base64url') : null,
      unavailable,
    };
  }
}
