// The processes of a running topology by name: started, waited for, killed, started again (by
// hand, or on their own after a crash), and stopped tier by tier.
import path from 'node:path';
import { StartFailure } from '../../scripts/lib/processes.mjs';

/**
 * @typedef {object} Part one process of the topology
 * @property {string} name e.g. `bff-1`, `redis-2`, `postgres-replica`, `catalog-canary`
 * @property {string} command
 * @property {string[]} args
 * @property {import('../../scripts/lib/processes.mjs').StartOptions} options
 * @property {() => Promise<boolean>} ready
 * @property {string} what what `ready` checks, for messages
 * @property {NodeJS.Signals} stopSignal
 */

/**
 * @param {{ supervisor: ReturnType<typeof import('../../scripts/lib/processes.mjs').createSupervisor>,
 *   dataDir: string, quiet: boolean, restartDelayMs: number | undefined,
 *   log: (message: string) => void }} options
 */
export function createParts({ supervisor, dataDir, quiet, restartDelayMs, log }) {
  /** Every process started for this data folder carries it (see leftovers.mjs). */
  const marker = { MOSAIC_CLUSTER_DIR: dataDir };
  /** @type {Map<string, Part>} */
  const parts = new Map();
  /** @type {Map<string, import('../../scripts/lib/processes.mjs').Child>} */
  const running = new Map();
  let up = false;
  let stopped = false;
  /** @type {Promise<void> | undefined} */
  let stopping;

  /** @param {Part} part */
  function launch(part) {
    const child = supervisor.start(part.name, part.command, part.args, {
      quiet,
      // Its own process group: a kill reaches its children, and Ctrl-C reaches only us.
      detached: true,
      ...part.options,
      env: { ...marker, ...part.options.env },
      onExit: (code, signal) => {
        if (running.get(part.name) === child) running.delete(part.name);
        if (!up || stopped) return;
        log(
          `${part.name} exited (${signal ?? code}); see ${path.join(dataDir, 'logs', `${part.name}.log`)}`,
        );
        if (restartDelayMs !== undefined) {
          setTimeout(() => {
            if (!stopped && !running.has(part.name)) void restart(part.name).catch(() => {});
          }, restartDelayMs);
        }
      },
    });
    running.set(part.name, child);
    return child;
  }

  /** Start a part and wait until it is ready. @param {Omit<Part, 'stopSignal'> & { stopSignal?: NodeJS.Signals }} spec */
  async function startPart(spec) {
    if (stopped) throw new StartFailure('the start was stopped');
    /** @type {Part} */
    const part = { stopSignal: 'SIGTERM', ...spec };
    parts.set(part.name, part);
    const child = launch(part);
    await supervisor.waitUntil(part.ready, child, part.what);
  }

  /** Start a part again (after it was killed) and wait until it is ready. @param {string} name */
  async function restart(name) {
    const part = parts.get(name);
    if (!part) throw new Error(`no part named ${name}: one of ${[...parts.keys()].join(', ')}`);
    if (running.has(name)) return;
    log(`starting ${name} again`);
    await supervisor.waitUntil(part.ready, launch(part), part.what);
  }

  /**
   * Kill one part and its children (SIGKILL by default: a crash), resolving once it exited.
   * @param {string} name @param {NodeJS.Signals} [signal]
   */
  function kill(name, signal = 'SIGKILL') {
    const child = running.get(name);
    if (!child?.pid) return Promise.resolve();
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      process.kill(signal === 'SIGKILL' ? -child.pid : child.pid, signal);
    } catch {
      // already gone
    }
    return exited;
  }

  /** Stop every part, one tier after another (then anything left). @param {string[][]} tiers */
  function stop(tiers) {
    stopped = true;
    stopping ??= (async () => {
      for (const tier of tiers) {
        await Promise.all(
          tier.map((name) => {
            const child = running.get(name);
            const part = parts.get(name);
            return child && part ? supervisor.stopOne(child, part.stopSignal, 10_000) : undefined;
          }),
        );
      }
      await supervisor.stopAll();
    })();
    return stopping;
  }

  return {
    running,
    startPart,
    restart,
    kill,
    stop,
    /** Names of the parts started so far. */
    names: () => [...parts.keys()],
    /** From now on a part that exits is reported (and started again after `restartDelayMs`). */
    markUp() {
      up = true;
    },
  };
}
