// The Debian programs the cluster topology runs, found on this machine or named with the
// apt-get line that installs them.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** @typedef {{ haproxy: string, redisServer: string, redisCli: string, pgBin: string }} Binaries */

const SBIN = ['/usr/local/sbin', '/usr/sbin', '/sbin'];

/** @param {string} name @returns {string | undefined} */
function onPath(name) {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter), ...SBIN];
  for (const dir of dirs) {
    const full = path.join(dir, name);
    if (dir && existsSync(full)) return full;
  }
  return undefined;
}

/** The newest PostgreSQL's bin folder: /usr/lib/postgresql/<version>/bin (`MOSAIC_PG_BIN` overrides). */
function postgresBin() {
  if (process.env.MOSAIC_PG_BIN) return process.env.MOSAIC_PG_BIN;
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return undefined;
  const versions = readdirSync(base)
    .filter((v) => existsSync(path.join(base, v, 'bin', 'pg_basebackup')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] && path.join(base, versions[0], 'bin');
}

/**
 * Every program the topology needs, or `missing`: one line per missing program and the apt-get
 * line that installs them all.
 * @returns {{ binaries: Binaries, missing?: undefined } | { binaries?: undefined, missing: string }}
 */
export function findBinaries() {
  const haproxy = onPath('haproxy');
  const redisServer = onPath('redis-server');
  const redisCli = onPath('redis-cli');
  const pgBin = postgresBin();
  /** @type {[string, string][]} program, Debian package */
  const absent = [];
  if (!haproxy) absent.push(['haproxy', 'haproxy']);
  if (!redisServer) absent.push(['redis-server', 'redis-server']);
  if (!redisCli) absent.push(['redis-cli', 'redis-tools']);
  if (!pgBin)
    absent.push([
      '/usr/lib/postgresql/<version>/bin (initdb, pg_basebackup, postgres)',
      'postgresql',
    ]);
  if (haproxy && redisServer && redisCli && pgBin) {
    return { binaries: { haproxy, redisServer, redisCli, pgBin } };
  }
  const packages = [...new Set(absent.map(([, pkg]) => pkg))].join(' ');
  return {
    missing:
      absent.map(([program, pkg]) => `  ${program} is missing (Debian package ${pkg})`).join('\n') +
      `\ninstall with: sudo apt-get update && sudo apt-get install -y ${packages}`,
  };
}
