// The processes of a system started on one machine (`pnpm start`, `pnpm start:cluster`): start
// them with their output in the terminal and in a log file each, wait for them to answer, stop
// them all. Plain JavaScript on purpose: it runs before anything is compiled.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';

/** A start that cannot go on: its message is printed, everything started is stopped, exit 1. */
export class StartFailure extends Error {}

/**
 * How long each process gets to answer (`MOSAIC_START_TIMEOUT`, seconds; default 120). The first
 * start on a cold machine (databases created, migrations run) is the slow one; a slow disk or a
 * busy CI machine may need more. Exits naming the variable when it is not a number above 0.
 */
export function startTimeoutSeconds(env = process.env) {
  const raw = env.MOSAIC_START_TIMEOUT;
  if (raw === undefined || raw === '') return 120;
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds <= 0) {
    process.stderr.write(
      `[mosaic] MOSAIC_START_TIMEOUT must be a number of seconds above 0 (e.g. 300), not '${raw}'\n`,
    );
    process.exit(1);
  }
  return seconds;
}

/**
 * @typedef {import('node:child_process').ChildProcess & { mosaicName: string, logFile: string }} Child
 * @typedef {object} StartOptions
 * @property {Record<string, string>} [env] added to this process's environment
 * @property {string} [cwd] working folder (default: the supervisor's `cwd`)
 * @property {boolean} [quiet] keep stdout out of the terminal (the log file still gets it)
 * @property {boolean} [detached] its own process group (so a stop reaches its children; Ctrl-C
 *   in the terminal then reaches only the supervisor, which stops it)
 * @property {number} [uid] run as this user (root starting PostgreSQL as `postgres`)
 * @property {number} [gid] with this group
 * @property {(code: number | null, signal: NodeJS.Signals | null) => void} [onExit] called when
 *   it exits on its own; without it, an exit before the system is up fails the start and one
 *   after stops the whole system
 */

/**
 * A supervisor for the processes of one system.
 * @param {{ cwd: string, logDir: string, log: (message: string) => void, timeoutSeconds: number }} options
 */
export function createSupervisor({ cwd, logDir, log, timeoutSeconds }) {
  /** @type {Set<Child>} every process started and still running */
  const children = new Set();
  let stopping = false;
  /** Whether the system answered: until then, stdout goes to the log files too. */
  let systemUp = false;
  /** @type {Child | undefined} a process that exited before the system was up */
  let exitedDuringStart;
  /** @type {((code: number) => void) | undefined} */
  let onFatal;

  /**
   * Start `command args` with its output in this terminal and in `<logDir>/<name>.log`
   * (everything until the system is up, then only stderr, so request logs do not fill the disk).
   * @param {string} name
   * @param {string} command
   * @param {string[]} args
   * @param {StartOptions} [options]
   * @returns {Child}
   */
  function start(name, command, args, options = {}) {
    const { env = {}, cwd: dir = cwd, quiet = false, onExit, detached, uid, gid } = options;
    mkdirSync(logDir, { recursive: true });
    const logFile = path.join(logDir, `${name}.log`);
    const logStream = createWriteStream(logFile, { flags: 'a' });
    const child = /** @type {Child} */ (
      spawn(command, args, {
        cwd: dir,
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
        detached,
        uid,
        gid,
      })
    );
    Object.assign(child, { mosaicName: name, logFile });
    child.on('error', (error) => logStream.write(`[mosaic] ${error.message}\n`));
    child.stdout?.on('data', (chunk) => {
      if (!systemUp) logStream.write(chunk);
      if (!quiet) process.stdout.write(chunk);
    });
    child.stderr?.on('data', (chunk) => {
      logStream.write(chunk);
      if (!quiet) process.stderr.write(chunk);
    });
    children.add(child);
    child.on('exit', (code, signal) => {
      children.delete(child);
      logStream.end();
      if (stopping) return;
      if (onExit) onExit(code, signal);
      else if (!systemUp) exitedDuringStart ??= child;
      else {
        log(`${name} exited (${signal ?? code}); stopping the system (its log: ${logFile})`);
        onFatal?.(1);
      }
    });
    return child;
  }

  /**
   * Resolves once `check()` resolves true; a StartFailure naming the process and its log when it
   * exits first, another process exited during start, or the time is up.
   * @param {() => Promise<boolean>} check
   * @param {Child} child
   * @param {string} what what it waits for, e.g. the URL
   */
  async function waitUntil(check, child, what) {
    const { mosaicName: name, logFile } = child;
    const deadline = Date.now() + timeoutSeconds * 1000;
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new StartFailure(
          `${name} exited (${child.signalCode ?? child.exitCode}) before it answered ${what}; see its log: ${logFile}`,
        );
      }
      if (exitedDuringStart) {
        const other = exitedDuringStart;
        throw new StartFailure(
          `${other.mosaicName} exited (${other.signalCode ?? other.exitCode}) during start; see its log: ${other.logFile}`,
        );
      }
      try {
        if (await check()) return;
      } catch {
        // not listening yet, or too slow to answer
      }
      if (Date.now() >= deadline) {
        throw new StartFailure(
          `${name} did not come up: ${what} did not answer within ${timeoutSeconds} s; ` +
            `see its log: ${logFile}. If it is only slow, give it longer with MOSAIC_START_TIMEOUT=<seconds>.`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, Math.min(200, deadline - Date.now())));
    }
  }

  /**
   * Resolves once `url` answers 2xx.
   * @param {string} url
   * @param {Child} child
   */
  function waitFor(url, child) {
    const deadline = Date.now() + timeoutSeconds * 1000;
    return waitUntil(
      async () => {
        const left = Math.max(1, deadline - Date.now());
        const response = await fetch(url, { signal: AbortSignal.timeout(Math.min(left, 2000)) });
        return response.ok;
      },
      child,
      url,
    );
  }

  /**
   * Stop one process: `signal`, then SIGKILL after `graceMs`. Resolves once it exited.
   * @param {Child} child
   * @param {NodeJS.Signals} [signal]
   * @param {number} [graceMs]
   */
  function stopOne(child, signal = 'SIGTERM', graceMs = 5000) {
    return new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve(undefined);
      const killer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      child.once('exit', () => {
        clearTimeout(killer);
        resolve(undefined);
      });
      child.kill(signal);
    });
  }

  /** Stop every process started (SIGTERM, SIGKILL after 5 s); resolves once all exited. */
  async function stopAll() {
    stopping = true;
    await Promise.all([...children].map((child) => stopOne(child)));
  }

  return {
    children,
    start,
    waitUntil,
    waitFor,
    stopOne,
    stopAll,
    /** From now on, stdout stays out of the log files and an exit stops the system. */
    markUp() {
      systemUp = true;
    },
    /** @param {(code: number) => void} handler called when a process exits after the system is up */
    onFatal(handler) {
      onFatal = handler;
    },
    get stopping() {
      return stopping;
    },
  };
}
