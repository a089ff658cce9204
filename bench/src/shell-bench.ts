export interface ShellResult {
  runs: number;
  firstApp: string;
  switchBetween: string[];
  coldLoadMs: number;
  coldRuns: number[];
  standaloneMs: number;
  standaloneRuns: number[];
  warmSwitchMs: number;
  switchRuns: number[];
  heap: { switches: number; after1: number; afterMany: number };
}
export async function benchShell(_o: {
  url: string;
  log: (l: string) => void;
}): Promise<ShellResult | undefined> {
  return undefined;
}
