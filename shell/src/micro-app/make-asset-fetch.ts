import { ShellError, ShellErrorCode } from '../shell-error.js';
import { takeEarlyAsset } from './early-assets.js';

/**
 * fetch for qiankun's import-html-entry that fails on 4xx/5xx. import-html-entry
 * parses whatever the entry URL returns, so a 404 JSON body would otherwise surface
 * as a misleading "lifecycles not found".
 */
export function makeAssetFetch(appName: string): typeof fetch {
  return async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    // The first app's files may be on their way already (early-assets.ts); a failed early
    // fetch is asked again.
    const early = takeEarlyAsset(url);
    const response = (early && (await early.catch(() => undefined))) || (await fetch(input, init));
    if (!response.ok) {
      throw new ShellError(
        ShellErrorCode.APP_FETCH_FAILED,
        `app '${appName}': GET ${url} answered HTTP ${response.status}; is this version published in the registry?`,
        { status: response.status, requestId: response.headers.get('x-request-id') ?? undefined },
      );
    }
    return response;
  };
}
