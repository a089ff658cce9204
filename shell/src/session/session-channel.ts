/** What one tab tells the others about the session. */
export type SessionMessage = { type: 'signed-in' } | { type: 'signed-out' };

export interface SessionChannel {
  post(message: SessionMessage): void;
  close(): void;
}

const CHANNEL_NAME = 'mosaic:session';

/**
 * A BroadcastChannel between this origin's tabs, so signing out in one signs out all.
 * Where BroadcastChannel is missing, tabs simply find out on their next request (401).
 */
export function createSessionChannel(onMessage: (message: SessionMessage) => void): SessionChannel {
  if (typeof BroadcastChannel === 'undefined')
    return { post: () => undefined, close: () => undefined };
  const channel = new BroadcastChannel(CHANNEL_NAME);
  channel.onmessage = (event: MessageEvent<unknown>) => {
    const type = (event.data as { type?: unknown } | null)?.type;
    if (type === 'signed-in' || type === 'signed-out') onMessage({ type });
  };
  return { post: (message) => channel.postMessage(message), close: () => channel.close() };
}
