import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** A process the bench started, stopped by its own pid only. */
export interface Child {
  name: string;
  process: ChildProcess;
  /** Resident set size in bytes, from /proc (0 once it has exited). */
  rss(): number;
  /** CPU time it has used so far (user + system), in ms, from /proc (0 once it has exited). */
  cpuMs(): number;
  stop(): Promise<void>;
}

/** Options of startChild. */
export interface StartChildOptions {
  name: string;
  args: string[];
  env?: Record<string, string>;
  cwd?: string;
  /** Every stdout line, e.g. to count the services' request log. */
  onLine?: (line: string) => void;
}

/** Linux's USER_HZ: /proc counts CPU time in 1/100 s on every common build. */
const CLOCK_TICKS_PER_SECOND = 100;

export function startChild(options: StartChildOptions): Child {
  const child = spawn(process.execPath, options.args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let rest = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) options.onLine?.(line);
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  child.on('exit', (code, signal) => {
    if (code && code !== 0 && !signal) {
      process.stderr.write(`[bench] ${options.name} exited ${code}:\n${stderr}\n`);
    }
  });
  return {
    name: options.name,
    process: child,
    rss() {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
      } catch {
        return 0;
      }
    },
    cpuMs() {
      try {
        // Fields after the command name (which may hold spaces): utime is 14th, stime 15th.
        const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
      } catch {
        return 0;
      }
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Wait until `url` answers 2xx, or fail naming the process. */
export async function waitForHttp(url: string, name: string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${name} did not answer ${url} within ${timeoutMs / 1000}s`);
}
