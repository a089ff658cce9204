// One topology per data folder: a second `pnpm start:cluster` on a folder whose first one still
// runs would fight it over ports and data (and "clean up" its processes). A crashed one left its
// lock behind; a lock whose process is gone, or is another process that got its pid, is stale.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { StartFailure } from '../../scripts/lib/processes.mjs';

/** When a process started, in clock ticks since boot (Linux), so a reused pid is told apart. */
function startTimeOf(/** @type {number} */ pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? '';
  } catch {
    return '';
  }
}

/**
 * Take the lock `file` for this process; a StartFailure naming the running one when it is held.
 * @param {string} file
 * @returns {() => void} releases it
 */
export function takeStartLock(file) {
  let held;
  try {
    held = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    held = undefined;
  }
  if (held && held.pid !== process.pid && startTimeOf(held.pid) === held.started) {
    throw new StartFailure(
      `a cluster topology already runs on this data folder (pid ${held.pid}): stop it (Ctrl-C in its terminal, or kill ${held.pid}), or give this one another MOSAIC_DATA_DIR`,
    );
  }
  writeFileSync(file, JSON.stringify({ pid: process.pid, started: startTimeOf(process.pid) }));
  return () => rmSync(file, { force: true });
}
