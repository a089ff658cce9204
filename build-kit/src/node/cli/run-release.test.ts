import { describe, expect, it } from 'vitest';
import { describeChannels } from './run-release.js';

describe('describeChannels', () => {
  it('names the canary tenants and share', () => {
    expect(
      describeChannels({
        stable: '1.0.0',
        canary: { version: '1.1.0', tenants: ['chaye'], percent: 10 },
      }),
    ).toBe('stable 1.0.0, canary 1.1.0 → chaye + 10%');
  });

  it('says when the canary is suspended, why, and how to resume it', () => {
    const line = describeChannels({
      stable: '1.0.0',
      canary: {
        version: '1.1.0',
        tenants: ['chaye'],
        percent: 0,
        suspended: {
          at: '2026-12-06T19:00:00.000Z',
          reason: '3 user(s) in 1 tenant(s) …',
          reports: [],
        },
      },
    });
    expect(line).toBe(
      'stable 1.0.0, canary 1.1.0 → chaye (SUSPENDED since 2026-12-06T19:00:00.000Z: 3 user(s) in 1 tenant(s) …; its tenants get stable until `mosaic-app release --resume`)',
    );
  });
});
