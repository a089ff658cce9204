import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';

/** A running service, as returned by `startCatalog` / `startInventory`. */
export interface RunningService {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:7101`. */
  url: string;
  /** Stops accepting requests, waits for in-flight ones, then closes the database. */
  close(): Promise<void>;
}

/** Binds the app (port 0 picks a free one) and reports the URL it actually listens on. */
export async function listen(
  app: FastifyInstance,
  port: number,
  host: string,
): Promise<RunningService> {
  await app.listen({ port, host });
  const address = app.server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost}:${address.port}`,
    close: () => app.close(),
  };
}
