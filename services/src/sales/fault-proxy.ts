import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * What the proxy does with one request: `pass` it on; `refuse` it unseen (the target never gets
 * it); `swallow` it (the target handles it, the caller never hears back); `kill` (as swallow, then
 * stop the target, as if its process died right after doing the work).
 */
export type Fault = 'pass' | 'refuse' | 'swallow' | 'kill';

/** A test double between sales and inventory that breaks chosen calls. */
export interface FaultProxy {
  url: string;
  /** Where requests go; change it when the target restarts on a new port. */
  target: string;
  /** Decides per request; `pass` when it returns undefined. */
  decide: (method: string, path: string) => Fault | undefined;
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Starts a fault-injecting HTTP proxy in front of `target`; `onKill` stops the target. */
export async function startFaultProxy(
  target: string,
  onKill: () => Promise<void>,
): Promise<FaultProxy> {
  const proxy: FaultProxy = { url: '', target, decide: () => 'pass', close: async () => {} };
  const server: Server = createServer((request, response) => {
    void (async () => {
      const fault = proxy.decide(request.method ?? 'GET', request.url ?? '/') ?? 'pass';
      const body = await readBody(request);
      if (fault === 'refuse') return request.socket.destroy();
      try {
        const answer = await fetch(`${proxy.target}${request.url}`, {
          method: request.method,
          headers: Object.fromEntries(
            Object.entries(request.headers).filter(
              ([name]) => !['host', 'connection', 'content-length'].includes(name),
            ),
          ) as Record<string, string>,
          body: body.length > 0 ? body : undefined,
        });
        const text = await answer.text();
        if (fault === 'swallow' || fault === 'kill') {
          if (fault === 'kill') await onKill();
          return request.socket.destroy();
        }
        response.writeHead(answer.status, {
          'content-type': answer.headers.get('content-type') ?? 'application/json',
        });
        response.end(text);
      } catch {
        request.socket.destroy();
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return proxy;
}
