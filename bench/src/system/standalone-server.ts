import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An app's published build served at `/` of its own origin, as `mosaic-app dev` serves it:
 * the app's files from the registry, `/graphql` and `/api/*` passed to the BFF (cookie and all).
 */
export async function startStandaloneServer(
  bffUrl: string,
  entry: string,
): Promise<{ url: string; close(): Promise<void> }> {
  const folder = entry.slice(0, entry.lastIndexOf('/') + 1);
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const { pathname, search } = new URL(req.url ?? '/', 'http://x');
      const toBff = pathname === '/graphql' || pathname.startsWith('/api/');
      const target = toBff
        ? `${bffUrl}${pathname}${search}`
        : `${bffUrl}${pathname.includes('.') ? `${folder}${pathname.slice(1)}` : entry}`;
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter(
          (e): e is [string, string] => typeof e[1] === 'string' && e[0] !== 'host',
        ),
      );
      fetch(target, {
        method: req.method,
        headers,
        body: chunks.length > 0 ? Buffer.concat(chunks) : undefined,
      }).then(
        async (answer) => {
          const body = Buffer.from(await answer.arrayBuffer());
          const out: Record<string, string | string[]> = {};
          answer.headers.forEach((value, key) => {
            if (!['content-encoding', 'content-length', 'transfer-encoding'].includes(key))
              out[key] = value;
          });
          const cookies = answer.headers.getSetCookie();
          if (cookies.length > 0) out['set-cookie'] = cookies;
          res.writeHead(answer.status, out).end(body);
        },
        () => res.writeHead(502).end(),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
