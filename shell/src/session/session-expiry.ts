type Listener = () => void;
const listeners = new Set<Listener>();

/**
 * Any request that finds the session gone (401 from /api or /graphql) reports it here; the
 * session provider then sends the user to sign in, remembering where they were.
 */
export function reportSessionExpired(): void {
  for (const listener of listeners) listener();
}

export function onSessionExpired(listener: Listener): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** fetch that reports a 401 as an expired session and otherwise changes nothing. */
export function makeFetchSessionAware(fetchImpl: typeof fetch = globalThis.fetch): typeof fetch {
  return async (input, init) => {
    const response = await fetchImpl(input, init);
    if (response.status === 401) reportSessionExpired();
    return response;
  };
}
