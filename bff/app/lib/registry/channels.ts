import { createHash } from 'node:crypto';
import { z } from 'zod';

const TENANT = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/** One failure report behind a suspension (what the shell sent, without stack or message). */
export const FailureReportSchema = z.object({
  at: z.string(),
  tenant: z.string(),
  user: z.string(),
  kind: z.string(),
  requestId: z.string(),
});
export type FailureReport = z.infer<typeof FailureReportSchema>;

/** Set by the BFF when a canary's failure reports pass the threshold; cleared only by a resume. */
export const SuspensionSchema = z.object({
  at: z.string(),
  reason: z.string(),
  reports: z.array(FailureReportSchema),
});
export type Suspension = z.infer<typeof SuspensionSchema>;

/** What a publisher may set: the tenants and `percent`% of the others (by a stable hash) get `version`. */
export const CanaryChangeSchema = z.object({
  version: z.string().min(1),
  tenants: z
    .array(z.string().regex(TENANT, 'tenant ids are lowercase slugs'))
    .max(1000)
    .default([]),
  percent: z.number().min(0).max(100).default(0),
});

/** A canary as stored: what the publisher set, plus a suspension when it failed too often. */
export const CanarySchema = CanaryChangeSchema.extend({
  suspended: SuspensionSchema.optional(),
});
export type Canary = z.infer<typeof CanarySchema>;

/** Which version of one app each tenant gets. */
export const ChannelsSchema = z.object({
  stable: z.string().min(1),
  canary: CanarySchema.nullable().default(null),
});
export type Channels = z.infer<typeof ChannelsSchema>;

/** `PUT /api/registry/apps/:name/channels`: omitted fields keep their value, `canary: null` ends the canary. */
export const ChannelsChangeSchema = z
  .object({
    stable: z.string().min(1).optional(),
    canary: CanaryChangeSchema.nullable().optional(),
    /** End a suspension of the current canary (its version serves its tenants again). */
    resume: z.literal(true).optional(),
    /** Promote to stable a version that never ran as a canary, or whose canary was suspended. */
    force: z.literal(true).optional(),
  })
  .strict();
export type ChannelsChange = z.infer<typeof ChannelsChangeSchema>;

/** The tenant's bucket for an app, 0 ≤ bucket < 10000; the same inputs always give the same bucket. */
export function bucketOf(app: string, tenantId: string): number {
  // Salted by app, so a 5% canary of one app and of another reach different tenants.
  return createHash('sha256').update(`${app}\0${tenantId}`).digest().readUInt32BE(0) % 10_000;
}

/** True when this tenant is in the app's canary. */
export function isCanaryTenant(app: string, canary: Canary | null, tenantId: string): boolean {
  // A suspended canary gives way to stable until it is resumed.
  if (!canary || canary.suspended) return false;
  return canary.tenants.includes(tenantId) || bucketOf(app, tenantId) < canary.percent * 100;
}

/** The version of `app` this tenant gets. */
export function versionFor(app: string, channels: Channels, tenantId: string): string {
  return isCanaryTenant(app, channels.canary, tenantId) && channels.canary
    ? channels.canary.version
    : channels.stable;
}
