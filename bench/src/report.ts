import type { ServerRun, UpstreamUse } from './bff-bench.js';
import type { BundleBytes } from './js-bytes.js';
import type { LighthouseResult } from './lighthouse-bench.js';
import type { HeapReadings, ShellResult } from './shell-bench.js';
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
          run.pair === 'floor' ? '–' : point.cpuMsPerRequest.toFixed(3),
          ms(point.p50Ms),
          ms(point.p99Ms),
          String(point.errors),
          run.pair === 'floor' ? '–' : point.upstreamCallsPerQuery.toFixed(2),
          run === ours || !mine ? '1.00×' : formatRatio(mine.rps, point.rps),
          run === ours || !mine || run.pair === 'floor'
            ? '1.00×'
            : formatRatio(mine.cpuMsPerRequest, point.cpuMsPerRequest),
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
          'CPU ms/req',
          'p50',
          'p99',
          'errors',
          'upstream calls/query',
          'mosaic rps ÷ this',
          'mosaic CPU/req ÷ this',
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
  out.push(...goalsTable(runs));
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

function heapRow(label: string, readings: HeapReadings): string[] {
  return [
    label,
    formatBytes(readings.after1),
    formatBytes(readings.afterMany),
    formatBytes(readings.after200),
    formatRatio(readings.afterMany, readings.after1),
    formatRatio(readings.after200, readings.after1),
  ];
}

function shellTables(shell: ShellResult): string[] {
  const jsBytes = shell.shellJsBeforeFirstApp.reduce((n, f) => n + f.bytes, 0);
  const reactBytes = shell.shellJsBeforeFirstApp
    .filter((f) => /(^|\/)react-[\w-]+\.js$/.test(f.file))
    .reduce((n, f) => n + f.bytes, 0);
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
          `warm switch, keep-alive on: ${shell.switchBetween.join(' ⇄ ')} (in the page: click → content painted)`,
          ms(shell.warmSwitchMs),
          shell.switchRuns.map(Math.round).join(', '),
          formatRatio(shell.warmSwitchMs, shell.warmSwitchOffMs) + ' of off',
        ],
        [
          `warm switch, keep-alive off (unmount + mount), in the page`,
          ms(shell.warmSwitchOffMs),
          shell.switchOffRuns.map(Math.round).join(', '),
          '1.00×',
        ],
        [
          'the same switches from Node (Playwright click → its poll sees content), on / off',
          `${ms(shell.warmSwitchViaPlaywrightMs)} / ${ms(shell.warmSwitchOffViaPlaywrightMs)}`,
          '',
          '',
        ],
      ],
    ),
    '## Shell JS fetched before the first app shows (cold sign-in, bytes on the wire)',
    markdownTable(
      ['file', 'bytes'],
      [
        ...shell.shellJsBeforeFirstApp.map((f) => [f.file, formatBytes(f.bytes)]),
        [
          `total (${shell.shellJsBeforeFirstApp.length} files)`,
          formatBytes(shell.shellJsBeforeFirstApp.reduce((n, f) => n + f.bytes, 0)),
        ],
      ],
    ),
    '## Browser JS heap (after GC), keep-alive on',
    markdownTable(
      [
        'reading',
        'after 1 switch',
        `after ${shell.heap.switches} switches`,
        'after 200 switches',
        `growth at ${shell.heap.switches}`,
        'growth at 200',
      ],
      [
        heapRow("V8's used JS heap (compiled code included)", shell.heap),
        heapRow(
          "the page's own data (heap snapshot: no compiled code, no V8 internals)",
          shell.pageData,
        ),
      ],
    ),
    '## Goals (shell), from this run',
    markdownTable(
      ['figure', 'goal', 'this run', ''],
      [
        [
          'warm switch (click → content painted, in the page), median, keep-alive on',
          '≤ 50 ms',
          ms(shell.warmSwitchMs),
          shell.warmSwitchMs <= 50 ? 'met' : '**not met**',
        ],
        [
          `heap after ${shell.heap.switches} switches vs after 1`,
          '≤ 1.05×',
          formatRatio(shell.heap.afterMany, shell.heap.after1),
          shell.heap.afterMany <= shell.heap.after1 * 1.05 ? 'met' : '**not met**',
        ],
        [
          `  the page's own data after ${shell.heap.switches} switches vs after 1 (what a leak grows)`,
          '–',
          formatRatio(shell.pageData.afterMany, shell.pageData.after1),
          '',
        ],
        [
          'cold sign-in → first app vs the app standalone',
          '≤ 1.1×',
          formatRatio(shell.coldLoadMs, shell.standaloneMs),
          shell.coldLoadMs <= shell.standaloneMs * 1.1 ? 'met' : '**not met**',
        ],
        [
          'shell JS before the first app shows (bytes on the wire)',
          '≤ 60 KiB',
          formatBytes(jsBytes),
          jsBytes <= 60 * 1024 ? 'met' : '**not met**',
        ],
        [
          '  of which React + ReactDOM, lent to the apps (they need it anyway); the rest',
          '–',
          `${formatBytes(reactBytes)}; ${formatBytes(jsBytes - reactBytes)}`,
          '',
        ],
      ],
    ),
  ];
}

function lighthouseTable(rows: LighthouseResult[]): string {
  return [
    `## Lighthouse 12, mobile preset (simulated throttling, median of ${rows[0]?.runs ?? 1} runs)`,
    markdownTable(
      [
        'page',
        'performance',
        'runs',
        'accessibility',
        'best practices',
        'FCP',
        'LCP',
        'TBT',
        'CLS',
      ],
      rows.map((r) => [
        r.page,
        String(r.performance),
        r.performanceRuns.join(', '),
        String(r.accessibility),
        String(r.bestPractices),
        ms(r.fcpMs),
        ms(r.lcpMs),
        ms(r.tbtMs),
        r.cls.toFixed(3),
      ]),
    ),
    ...lighthouseGoals(rows),
  ].join('\n\n');
}

/** The phone goals (issue 14) from the medians above: the shop's first screen and sign-in. */
function lighthouseGoals(rows: LighthouseResult[]): string[] {
  const shop = rows.find((r) => r.page === 'shop first screen');
  const signIn = rows.find((r) => r.page === 'sign-in');
  if (!shop || !signIn) return [];
  const row = (figure: string, goal: string, value: string, met: boolean): string[] => [
    figure,
    goal,
    value,
    met ? 'met' : '**not met**',
  ];
  return [
    '### Goals (phone), from these medians',
    markdownTable(
      ['figure', 'goal', 'this run', ''],
      [
        row(
          'shop first screen: performance',
          '≥ 90',
          String(shop.performance),
          shop.performance >= 90,
        ),
        row('shop first screen: LCP', '≤ 2.5 s', ms(shop.lcpMs), shop.lcpMs <= 2500),
        row('shop first screen: TBT', '≤ 200 ms', ms(shop.tbtMs), shop.tbtMs <= 200),
        row('shop first screen: CLS', '≤ 0.1', shop.cls.toFixed(3), shop.cls <= 0.1),
        row('sign-in: performance', '≥ 95', String(signIn.performance), signIn.performance >= 95),
        row(
          'accessibility, sign-in / shop',
          '≥ 95',
          `${signIn.accessibility} / ${shop.accessibility}`,
          signIn.accessibility >= 95 && shop.accessibility >= 95,
        ),
      ],
    ),
  ];
}

/** The BFF hot-path goals (issue 18), each figure from this run, with its worst point. */
function goalsTable(runs: ServerRun[]): string[] {
  const find = (server: string, pair: string): ServerRun | undefined =>
    runs.find((r) => r.server === server && r.pair === pair);
  const ours = { warm: find('mosaic-bff', 'warm'), cold: find('mosaic-bff', 'cold') };
  const floor = find('node:http floor', 'floor');
  if (!ours.warm || !ours.cold) return [];
  /** Worst (lowest) ratio over the points of `mine` against `other`. */
  const worst = (
    mine: ServerRun | undefined,
    other: ServerRun | undefined,
    ratio: (a: ServerRun['points'][number], b: ServerRun['points'][number]) => number,
  ): { value: number; where: string } | undefined => {
    let result: { value: number; where: string } | undefined;
    for (const a of mine?.points ?? []) {
      const b = other?.points.find((p) => p.query === a.query && p.connections === a.connections);
      if (!b) continue;
      const value = ratio(a, b);
      if (!result || value < result.value)
        result = { value, where: `${a.query} c=${a.connections}` };
    }
    return result;
  };
  const rows: string[][] = [];
  const row = (
    figure: string,
    goal: string,
    found: { value: number; where: string } | undefined,
    met: (v: number) => boolean,
  ): void => {
    rows.push([
      figure,
      goal,
      found ? `${found.value.toFixed(2)}× (worst: ${found.where})` : '–',
      found ? (met(found.value) ? 'met' : '**not met**') : '–',
    ]);
  };
  const rps = (a: { rps: number }, b: { rps: number }): number => a.rps / b.rps;
  row(
    'warm rps ÷ Yoga + response cache',
    '≥ 2×',
    worst(ours.warm, find('yoga', 'warm'), rps),
    (v) => v >= 2,
  );
  row(
    'warm rps ÷ Mercurius + cache',
    '≥ 2×',
    worst(ours.warm, find('mercurius', 'warm'), rps),
    (v) => v >= 2,
  );
  row(
    "Yoga's warm CPU ms/req ÷ ours",
    '≥ 2× (ours ≤ 0.5× Yoga)',
    worst(ours.warm, find('yoga', 'warm'), (a, b) => b.cpuMsPerRequest / a.cpuMsPerRequest),
    (v) => v >= 2,
  );
  row(
    'warm rps ÷ node:http floor',
    '≥ 0.2× (within 5× of the floor)',
    worst(ours.warm, floor, rps),
    (v) => v >= 0.2,
  );
  row('cold rps ÷ Yoga', '≥ 1.2×', worst(ours.cold, find('yoga', 'cold'), rps), (v) => v >= 1.2);
  row(
    'cold rps ÷ Mercurius + graphql-jit',
    '≥ 1.0×',
    worst(ours.cold, find('mercurius', 'cold'), rps),
    (v) => v >= 1,
  );
  const yogaRss = find('yoga', 'warm')?.rssBytes;
  rows.push([
    'BFF RSS after the run ÷ Yoga’s (warm pair)',
    '≤ 1.0×',
    yogaRss
      ? `${formatBytes(ours.warm.rssBytes)} vs ${formatBytes(yogaRss)} = ${(ours.warm.rssBytes / yogaRss).toFixed(2)}×`
      : '–',
    yogaRss ? (ours.warm.rssBytes <= yogaRss ? 'met' : '**not met**') : '–',
  ]);
  return [
    '## Goals (BFF hot path), from this run',
    markdownTable(['figure', 'goal', 'this run', ''], rows),
  ];
}
