// A start after a crash: processes a previous run left behind (the supervisor was killed before
// it could stop them) still hold the ports and data folders. Every process the topology starts
// carries MOSAIC_CLUSTER_DIR=<data folder> in its environment, and so do its children
// (PostgreSQL backends, Egg workers), so they can be found in /proc and stopped; those whose new
// title overwrites that (redis-server) by their name and their working folder, the data
// folder's redis/<n>.
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

/** @param {string} dataDir @returns {number[]} pids of processes started for `dataDir` */
function findLeftovers(dataDir) {
  const marker = `MOSAIC_CLUSTER_DIR=${dataDir}\0`;
  /** @type {number[]} */
  const pids = [];
  let entries = [];
  try {
    entries = readdirSync('/proc');
  } catch {
    return pids; // not Linux: nothing to find this way
  }
  for (const entry of entries) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try {
      // redis-server rewrites its title over its environment, so its folder tells instead.
      if (
        readFileSync(`/proc/${pid}/environ`, 'latin1').includes(marker) ||
        (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'redis-server' &&
          readlinkSync(`/proc/${pid}/cwd`).startsWith(`${dataDir}/redis/`))
      ) {
        pids.push(pid);
      }
    } catch {
      // gone, or not ours to read
    }
  }
  return pids;
}

/**
 * Stop what a previous run for `dataDir` left running: SIGTERM, SIGKILL after 10 s.
 * @param {string} dataDir @param {(message: string) => void} log
 */
export async function stopLeftovers(dataDir, log) {
  const pids = findLeftovers(dataDir);
  if (pids.length === 0) return;
  log(`stopping ${pids.length} process(es) a previous run left behind`);
  const signal = (/** @type {NodeJS.Signals} */ sig) => {
    for (const pid of findLeftovers(dataDir)) {
      try {
        process.kill(pid, sig);
      } catch {
        // already gone
      }
    }
  };
  signal('SIGTERM');
  const deadline = Date.now() + 10_000;
  while (findLeftovers(dataDir).length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  signal('SIGKILL');
  await new Promise((resolve) => setTimeout(resolve, 300));
}
