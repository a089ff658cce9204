// PostgreSQL for the cluster topology: a primary and a streaming hot-standby replica made with
// initdb and pg_basebackup -R, each a foreground `postgres` process under the supervisor.
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, chownSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { StartFailure } from '../../scripts/lib/processes.mjs';

/** The database, role and password the services use (loopback only). */
export const DATABASE = { name: 'mosaic', user: 'mosaic', password: 'mosaic' };

/**
 * Whom the PostgreSQL programs run as: this user, or `postgres` when this is root (initdb
 * refuses root). Returns spawn's uid/gid options.
 * @returns {{ uid?: number, gid?: number }}
 */
export function postgresUser() {
  if (process.getuid?.() !== 0) return {};
  const read = (/** @type {string} */ flag) =>
    Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: read('-u'), gid: read('-g') };
  } catch {
    throw new Error(
      "running as root, and there is no 'postgres' user to run PostgreSQL as (initdb refuses root): install postgresql (it creates the user) or run as another user",
    );
  }
}

/**
 * A folder the PostgreSQL user owns.
 * @param {string} dir @param {{ uid?: number, gid?: number }} user
 */
function ownedFolder(dir, user) {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (user.uid !== undefined) chownSync(dir, user.uid, user.gid ?? user.uid);
}

/**
 * Run a PostgreSQL program to its end as the PostgreSQL user; throws with its output on failure.
 * @param {string} program @param {string[]} args @param {{ uid?: number, gid?: number }} user
 */
function runAs(program, args, user) {
  const result = spawnSync(program, args, { ...user, encoding: 'utf8', cwd: '/' });
  if (result.status !== 0) {
    throw new StartFailure(
      `${path.basename(program)} ${args.join(' ')} failed: ${result.error?.message ?? ''}${result.stderr}${result.stdout}`,
    );
  }
}

/**
 * Make the primary's data folder on first start: initdb, then settings for streaming replication
 * on loopback. Trust authentication is enough there: nothing listens beyond 127.0.0.1.
 * @param {{ pgBin: string, dir: string, port: number, socketDir: string, user: { uid?: number, gid?: number } }} options
 */
export function initPrimary({ pgBin, dir, port, socketDir, user }) {
  ownedFolder(socketDir, user);
  if (existsSync(path.join(dir, 'PG_VERSION'))) return;
  ownedFolder(path.dirname(dir), user);
  ownedFolder(dir, user);
  runAs(
    path.join(pgBin, 'initdb'),
    ['-D', dir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C'],
    user,
  );
  appendFileSync(
    path.join(dir, 'postgresql.conf'),
    [
      '',
      '# mosaic cluster topology',
      "listen_addresses = '127.0.0.1'",
      `port = ${port}`,
      `unix_socket_directories = '${socketDir}'`,
      'wal_level = replica',
      'max_wal_senders = 5',
      'wal_keep_size = 256MB',
      'hot_standby = on',
      'max_connections = 200',
      'shared_buffers = 32MB',
      '',
    ].join('\n'),
  );
}

/**
 * Make the replica's data folder on first start: a base backup of the running primary with
 * `-R` (standby.signal and primary_conninfo written for us), on its own port.
 * @param {{ pgBin: string, dir: string, port: number, primaryPort: number, user: { uid?: number, gid?: number } }} options
 */
export function initReplica({ pgBin, dir, port, primaryPort, user }) {
  if (existsSync(path.join(dir, 'standby.signal'))) return;
  // A copy a crash cut short is no replica: start it over.
  rmSync(dir, { recursive: true, force: true });
  ownedFolder(dir, user);
  runAs(
    path.join(pgBin, 'pg_basebackup'),
    [
      '-h',
      '127.0.0.1',
      '-p',
      String(primaryPort),
      '-U',
      'postgres',
      '-D',
      dir,
      '-R',
      '-X',
      'stream',
      '-c',
      'fast',
    ],
    user,
  );
  appendFileSync(path.join(dir, 'postgresql.conf'), `\nport = ${port}\n`);
}

/**
 * Whether a PostgreSQL server on `port` accepts connections (`pg_isready`).
 * @param {string} pgBin @param {number} port
 */
export function isReady(pgBin, port) {
  const result = spawnSync(path.join(pgBin, 'pg_isready'), [
    '-h',
    '127.0.0.1',
    '-p',
    String(port),
    '-q',
  ]);
  return result.status === 0;
}

/**
 * The services' role and database, made once on the primary.
 * @param {string} pgBin @param {number} port
 */
export function ensureDatabase(pgBin, port) {
  const psql = (/** @type {string} */ sql, db = 'postgres') =>
    execFileSync(
      path.join(pgBin, 'psql'),
      ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', db, '-qtAc', sql],
      { encoding: 'utf8' },
    ).trim();
  if (psql(`SELECT 1 FROM pg_roles WHERE rolname = '${DATABASE.user}'`) !== '1') {
    psql(`CREATE ROLE ${DATABASE.user} LOGIN PASSWORD '${DATABASE.password}'`);
  }
  if (psql(`SELECT 1 FROM pg_database WHERE datname = '${DATABASE.name}'`) !== '1') {
    psql(`CREATE DATABASE ${DATABASE.name} OWNER ${DATABASE.user}`);
  }
}

/** @param {number} port */
export function databaseUrl(port) {
  return `postgres://${DATABASE.user}:${DATABASE.password}@127.0.0.1:${port}/${DATABASE.name}`;
}
