/** Base URL of an app's assets, e.g. 'http://host/apps/inventory/0.2.0/'. */
export function assetBaseOf(entry: string, pageUrl: string = location.href): string {
  return new URL('.', new URL(entry, pageUrl)).href;
}

/**
 * Whether an uncaught error came from the app whose assets live at `assetBase`:
 * import-html-entry evaluates each script with `//# sourceURL=<its url>`, so the app's
 * frames in the stack (or the event's filename) carry that URL.
 */
export function isErrorFromApp(
  { error, filename }: { error?: unknown; filename?: string },
  assetBase: string,
): boolean {
  if (filename?.startsWith(assetBase)) return true;
  const stack = error instanceof Error ? error.stack : undefined;
  return stack?.includes(assetBase) ?? false;
}

/**
 * Calls `onError` for uncaught errors and unhandled rejections thrown by the app's code after
 * it mounted (a React root that crashed, a failing event handler). Returns the unwatch.
 */
export function watchAppErrors(assetBase: string, onError: (error: unknown) => void): () => void {
  const onErrorEvent = (event: ErrorEvent): void => {
    if (isErrorFromApp({ error: event.error, filename: event.filename }, assetBase)) {
      onError(event.error ?? new Error(event.message));
    }
  };
  const onRejection = (event: PromiseRejectionEvent): void => {
    if (isErrorFromApp({ error: event.reason }, assetBase)) onError(event.reason);
  };
  window.addEventListener('error', onErrorEvent);
  window.addEventListener('unhandledrejection', onRejection);
  return () => {
    window.removeEventListener('error', onErrorEvent);
    window.removeEventListener('unhandledrejection', onRejection);
  };
}
