import { ShellError, ShellErrorCode } from '../shell-error.js';

/**
 * fetch for qiankun's import-html-entry that fails on 4xx/5xx. import-html-entry
 * parses whatever the entry URL returns, so a 404 JSON body would otherwise surface
 * as a misleading "lifecycles not found".
 */
export function makeAssetFetch(appName: string): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    if (!response.ok) {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      throw new ShellError(
        ShellErrorCode.APP_FETCH_FAILED,
        `app '${appName}': GET ${url} answered HTTP ${response.status}; is this version published in the registry?`,
        { status: response.status, requestId: response.headers.get('x-request-id') ?? undefined },
      );
    }
    return response;
  };
}
