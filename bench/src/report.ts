import type { ServerRun, UpstreamUse } from './bff-bench.js';
import type { BundleBytes } from './js-bytes.js';
import type { LighthouseResult } from './lighthouse-bench.js';
import type { ShellResult } from './shell-bench.js';
import { formatBytes, formatRatio, markdownTable } from './stats.js';

/** Everything one `pnpm bench` measured (bench/results/latest.json). */
export interface BenchResults {
  at: string;
  machine: string;
  durationSeconds: number;
  concurrency: number[];
  bff?: { runs: ServerRun[]; upstream: UpstreamUse[] };
  jsBytes?: BundleBytes[];
  shell?: ShellResult;
  lighthouse?: LighthouseResult[];
  elapsedSeconds?: number;
}

const ms = (n: number): string => (Number.isFinite(n) ? `${Math.round(n)} ms` : '–');

/** The report as Markdown: one table per measurement, ratios beside the figures. */
export function renderReport(results: BenchResults): string {
  const parts = [
    `# pnpm bench — ${results.at}`,
    `${results.machine}; ${results.durationSeconds} s per load point, concurrency ${results.concurrency.join(', ')}; every server 1 process.`,
  ];
  if (results.bff) parts.push(...bffTables(results.bff.runs, results.bff.upstream));
  if (results.jsBytes) parts.push(jsTable(results.jsBytes));
  if (results.shell) parts.push(...shellTables(results.shell));
  if (results.lighthouse) parts.push(lighthouseTable(results.lighthouse));
  if (results.elapsedSeconds !== undefined) parts.push(`Whole run: ${results.elapsedSeconds} s.`);
  return parts.join('\n\n');
}

function bffTables(runs: ServerRun[], upstream: UpstreamUse[]): string[] {
  const floor = runs.find((r) => r.pair === 'floor');
  const out: string[] = [];
  for (const pair of ['warm', 'cold'] as const) {
    const inPair = runs.filter((r) => r.pair === pair);
    const ours = inPair.find((r) => r.server === 'mosaic-bff');
    const peers = inPair.filter((r) => r !== ours);
    const rows: string[][] = [];
    for (const run of [...inPair, ...(floor ? [floor] : [])]) {
      for (const point of run.points) {
        const mine = ours?.points.find(
          (p) => p.query === point.query && p.connections === point.connections,
        );
        const floorPoint = floor?.points.find(
          (p) => p.query === point.query && p.connections === point.connections,
        );
        rows.push([
          point.query,
          String(point.connections),
          run.server,
          point.rps.toFixed(0),
          ms(point.p50Ms),
          ms(point.p99Ms),
          String(point.errors),
          run.pair === 'floor' ? '–' : point.upstreamCallsPerQuery.toFixed(2),
          run === ours || !mine ? '1.00×' : formatRatio(mine.rps, point.rps),
          floorPoint ? formatRatio(floorPoint.rps, point.rps) : '–',
        ]);
      }
    }
    rows.sort((a, b) => (a[0]! + a[1]!.padStart(4)).localeCompare(b[0]! + b[1]!.padStart(4)));
    out.push(
      `## BFF, ${pair} pair (${inPair.map((r) => `${r.server}: ${r.caching}`).join('; ')})`,
      markdownTable(
        [
          'query',
          'conns',
          'server',
          'rps',
          'p50',
          'p99',
          'errors',
          'upstream calls/query',
          'mosaic rps ÷ this',
          'floor rps ÷ this',
        ],
        rows,
      ),
    );
    if (peers.some((p) => !p.sameData)) {
      out.push(
        `Warning: ${peers
          .filter((p) => !p.sameData)
          .map((p) => p.server)
          .join(', ')} answered different data.`,
      );
    }
  }
  out.push(
    '## Memory after the load run (RSS)',
    markdownTable(
      ['server', 'pair', 'RSS'],
      runs.map((r) => [r.server, r.pair, formatBytes(r.rssBytes)]),
    ),
    '## Upstream efficiency of mosaic-bff (20 sequential requests, through counting proxies)',
    markdownTable(
      ['pair', 'query', 'calls/query', 'bytes on the wire/query', 'by service'],
      upstream.map((u) => [
        u.pair,
        u.query,
        u.callsPerQuery.toFixed(2),
        formatBytes(u.bytesPerQuery),
        Object.entries(u.byService)
          .map(([s, b]) => `${s} ${formatBytes(b)}`)
          .join(', ') || '–',
      ]),
    ),
  );
  return out;
}

function jsTable(bundles: BundleBytes[]): string {
  return [
    '## JavaScript (gzip -9 of each file)',
    markdownTable(
      ['bundle', 'files', 'raw', 'gzipped', 'contains its own copy of'],
      bundles.map((b) => [
        b.name,
        String(b.files),
        formatBytes(b.rawBytes),
        formatBytes(b.gzipBytes),
        b.bundles.join(', ') || '–',
      ]),
    ),
  ].join('\n\n');
}

function shellTables(shell: ShellResult): string[] {
  return [
    `## Shell in Chromium (median of ${shell.runs} runs)`,
    markdownTable(
      ['measure', 'median', 'runs (ms)', 'ratio'],
      [
        [
          'cold: sign-in submit → first app content visible (through the shell)',
          ms(shell.coldLoadMs),
          shell.coldRuns.map(Math.round).join(', '),
          formatRatio(shell.coldLoadMs, shell.standaloneMs) + ' of standalone',
        ],
        [
          `standalone: ${shell.firstApp} opened alone → content visible`,
          ms(shell.standaloneMs),
          shell.standaloneRuns.map(Math.round).join(', '),
          '1.00×',
        ],
        [
          `warm switch: ${shell.switchBetween.join(' ⇄ ')} (click → content visible)`,
          ms(shell.warmSwitchMs),
          shell.switchRuns.map(Math.round).join(', '),
          '–',
        ],
      ],
    ),
    '## Browser JS heap (after GC)',
    markdownTable(
      ['after 1 switch', `after ${shell.heap.switches} switches`, 'growth'],
      [
        [
          formatBytes(shell.heap.after1),
          formatBytes(shell.heap.afterMany),
          formatRatio(shell.heap.afterMany, shell.heap.after1),
        ],
      ],
    ),
  ];
}

function lighthouseTable(rows: LighthouseResult[]): string {
  return [
    '## Lighthouse 12, mobile preset (simulated throttling)',
    markdownTable(
      ['page', 'performance', 'accessibility', 'best practices', 'FCP', 'TBT'],
      rows.map((r) => [
        r.page,
        String(r.performance),
        String(r.accessibility),
        String(r.bestPractices),
        ms(r.fcpMs),
        ms(r.tbtMs),
      ]),
    ),
  ].join('\n\n');
}
