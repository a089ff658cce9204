import { describe, expect, it } from 'vitest';
import { createCanaryFailures } from './canary_failures.js';

const report = (at: string, tenant: string, user: string) => ({
  at,
  tenant,
  user,
  kind: 'mount',
  requestId: `r-${tenant}-${user}-${at}`,
});

describe('given no Redis (failures counted in memory)', () => {
  it('counts distinct users and tenants, per canary version', async () => {
    const failures = createCanaryFailures(null);
    const window = 10 * 60_000;
    await failures.record('sales', '0.3.0', report('2026-01-01T10:00:00Z', 'chaye', 'u1'), window);
    await failures.record('sales', '0.3.0', report('2026-01-01T10:01:00Z', 'chaye', 'u1'), window);
    await failures.record(
      'sales',
      '0.4.0',
      report('2026-01-01T10:01:00Z', 'xiaomai', 'u1'),
      window,
    );
    const tally = await failures.record(
      'sales',
      '0.3.0',
      report('2026-01-01T10:02:00Z', 'xiaomai', 'u1'),
      window,
    );
    expect({ users: tally.users, tenants: tally.tenants }).toEqual({ users: 2, tenants: 2 });
    expect(tally.reports).toHaveLength(3);
  });

  it('forgets reports older than the window, and all of them on clear', async () => {
    const failures = createCanaryFailures(null);
    const window = 10 * 60_000;
    await failures.record('sales', '0.3.0', report('2026-01-01T10:00:00Z', 'chaye', 'u1'), window);
    const later = await failures.record(
      'sales',
      '0.3.0',
      report('2026-01-01T10:30:00Z', 'xiaomai', 'u2'),
      window,
    );
    expect({ users: later.users, tenants: later.tenants }).toEqual({ users: 1, tenants: 1 });
    await failures.clear('sales', '0.3.0');
    const fresh = await failures.record(
      'sales',
      '0.3.0',
      report('2026-01-01T10:31:00Z', 'chaye', 'u1'),
      window,
    );
    expect(fresh.users).toBe(1);
  });
});
