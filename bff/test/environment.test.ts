import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { distDir } from './start_system.js';

describe('given an operator who left GRAPHQL_MAX_DEPTH empty', () => {
  it('stops the start with a line naming the variable and what it accepts, not a stack', () => {
    for (const entry of ['server.js', 'cluster.js']) {
      const run = spawnSync(process.execPath, [path.join(distDir, entry)], {
        env: { ...process.env, GRAPHQL_MAX_DEPTH: '', PORT: '0', MOSAIC_DATA_DIR: '/nonexistent' },
        encoding: 'utf8',
        timeout: 20_000,
      });
      expect(run.status, entry).toBe(1);
      expect(run.stderr).toContain(
        "GRAPHQL_MAX_DEPTH='': expected a whole number from 1 to 100 (default 8)",
      );
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
