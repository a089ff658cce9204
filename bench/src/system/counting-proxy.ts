import { createConnection, createServer } from 'node:net';
import type { AddressInfo } from 'node:net';

/** A TCP proxy in front of one service that counts the bytes crossing it both ways. */
export interface CountingProxy {
  url: string;
  bytes(): { sent: number; received: number };
  close(): Promise<void>;
}

export async function startCountingProxy(target: URL): Promise<CountingProxy> {
  let sent = 0;
  let received = 0;
  const server = createServer((client) => {
    const upstream = createConnection(Number(target.port), target.hostname);
    client.on('data', (chunk: Buffer) => (sent += chunk.length));
    upstream.on('data', (chunk: Buffer) => (received += chunk.length));
    client.pipe(upstream).pipe(client);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    bytes: () => ({ sent, received }),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
      }),
  };
}
