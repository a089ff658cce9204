import { Service } from 'egg';
import { BffError, ErrorCode } from '../lib/http/errors.js';
import { requestIdOf } from '../lib/http/request_state.js';
import { mosaicConfig } from '../lib/mosaic_config.js';
import type { CanaryFailures } from '../lib/registry/canary_failures.js';
import { isCanaryTenant } from '../lib/registry/channels.js';
import type { Channels, FailureReport } from '../lib/registry/channels.js';
import { refreshGrayChannels } from '../lib/registry/gray_env.js';

/** Who reported a canary failing (from the session, never from the report's body). */
export interface CanaryFailure {
  app: string;
  version: string;
  tenant: string;
  user: string;
  kind: 'load' | 'mount';
}

/**
 * Canary health: counts the shell's reports of a canary failing to load or mount, suspends the
 * canary when they pass the threshold, and guards promotions to stable.
 */
export default class CanaryService extends Service {
  /**
   * Count one failure of `app@version` for a tenant on its canary; suspend the canary when the
   * reports pass `MOSAIC_CANARY_SUSPEND_*`. Reports of other versions (stable, an old tab's
   * canary, a tenant outside the canary) are not counted. Returns true when this report suspended it.
   */
  async reportFailure(failure: CanaryFailure): Promise<boolean> {
    const store = this.app.registryStore;
    const current = await store.readChannels(failure.app);
    const canary = current?.canary;
    if (!canary || canary.version !== failure.version || canary.suspended) return false;
    if (!isCanaryTenant(failure.app, canary, failure.tenant)) return false;
    const threshold = mosaicConfig(this.app).registry.canarySuspend;
    const report: FailureReport = {
      at: new Date().toISOString(),
      tenant: failure.tenant,
      user: failure.user,
      kind: failure.kind,
      requestId: requestIdOf(this.ctx),
    };
    const tally = await this.failures().record(
      failure.app,
      failure.version,
      report,
      threshold.windowMs,
    );
    if (tally.users < threshold.users && tally.tenants < threshold.tenants) return false;
    const minutes = Math.round(threshold.windowMs / 60_000);
    const reason = `${tally.users} user(s) in ${tally.tenants} tenant(s) reported ${failure.app}@${failure.version} failing to load or mount within ${minutes} min (threshold: ${threshold.users} users or ${threshold.tenants} tenants)`;
    const unchanged = new Error('canary moved');
    const change = await store
      .updateChannels(failure.app, (now) => {
        // Checked again under the lock: the canary may have moved or been suspended meanwhile.
        if (!now?.canary || now.canary.version !== failure.version || now.canary.suspended) {
          throw unchanged;
        }
        return {
          ...now,
          canary: { ...now.canary, suspended: { at: report.at, reason, reports: tally.reports } },
        };
      })
      .catch((error: unknown) => {
        if (error === unchanged) return undefined;
        throw error;
      });
    if (!change) return false;
    const { from, to } = change;
    this.ctx.logger.warn('[canary] suspended %s@%s: %s', failure.app, failure.version, reason);
    this.app.mosaicRuntime.metrics.canarySuspensions.inc({ app: failure.app });
    await this.audit(failure.app, 'suspend', from ?? null, to, failure.version, reason);
    await refreshGrayChannels(this.app);
    return true;
  }

  /** Forget the failure reports of `app@version` (when a publisher resumes its canary). */
  async clearFailures(app: string, version: string): Promise<void> {
    await this.failures().clear(app, version);
  }

  /**
   * Refuse (409 CANARY_REQUIRED) making `version` stable when it never served a channel
   * (stable or canary) of `app`, or its canary was suspended and not resumed since.
   */
  async checkPromotion(app: string, version: string, current: Channels | undefined): Promise<void> {
    // No channels yet (an app laid out by hand): there is nothing to promote from.
    if (!current || current.stable === version) return;
    if (current?.canary?.version === version && current.canary.suspended) {
      throw promotionRefused(
        app,
        version,
        `its canary is suspended (${current.canary.suspended.reason})`,
      );
    }
    const history = (await this.app.registryStore.readAudit()).filter((e) => e.app === app);
    let served = current?.canary?.version === version;
    let suspended = false;
    for (const entry of history) {
      if (entry.to?.stable === version || entry.to?.canary?.version === version) served = true;
      if (entry.action === 'suspend' && entry.version === version) suspended = true;
      if (entry.action === 'resume' && entry.version === version) suspended = false;
    }
    if (suspended)
      throw promotionRefused(app, version, 'its canary was suspended and never resumed');
    if (!served) throw promotionRefused(app, version, 'it never ran as a canary');
  }

  async audit(
    app: string,
    action: 'suspend' | 'resume',
    from: Channels | null,
    to: Channels,
    version: string,
    reason?: string,
    by = 'bff',
  ): Promise<void> {
    await this.app.registryStore.appendAudit({
      at: new Date().toISOString(),
      by,
      app,
      action,
      version,
      ...(reason && { reason }),
      from,
      to,
      requestId: requestIdOf(this.ctx),
    });
  }

  private failures(): CanaryFailures {
    return this.app.canaryFailures;
  }
}

function promotionRefused(app: string, version: string, why: string): BffError {
  return new BffError(
    ErrorCode.CANARY_REQUIRED,
    `refusing to make ${app}@${version} stable: ${why}. Release it as a canary first (mosaic-app release ${app} --canary <tenants>), or pass --force (body "force": true) to promote anyway`,
  );
}
