export interface LighthouseResult {
  page: string;
  performance: number;
  accessibility: number;
  bestPractices: number;
  fcpMs: number;
  tbtMs: number;
}
export async function benchLighthouse(_o: {
  url: string;
  log: (l: string) => void;
}): Promise<LighthouseResult[] | undefined> {
  return undefined;
}
