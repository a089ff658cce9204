import { useEffect, useState } from 'react';
import { shellBus } from '../bus/message-hub.js';

/**
 * `<page> · <app> · <tenant>`: the shell names the app and tenant; the mounted app may name
 * its page with `title.set` (only the app that owns the area is listened to). A page named like
 * its app (an app's home) is not said twice.
 */
export function useDocumentTitle(
  area: { title: string; app?: string } | undefined,
  tenantName: string,
): void {
  const [page, setPage] = useState<string>('');
  const app = area?.app;

  useEffect(() => {
    setPage('');
    return shellBus.subscribe('title.set', ({ title }, { source }) => {
      if (source === app) setPage(title);
    });
  }, [app]);

  useEffect(() => {
    const named = page === area?.title ? '' : page;
    document.title = [named, area?.title, tenantName, 'Mosaic'].filter(Boolean).join(' · ');
  }, [page, area?.title, tenantName]);
}
