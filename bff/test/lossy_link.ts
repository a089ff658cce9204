import { createServer } from 'node:http';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the link does with one call: pass it, cut it unsent, or send it and lose the answer. */
export type Cut = 'pass' | 'before' | 'after';

/** A link between the BFF and one service that cuts the calls `cutOf` picks, as a failing network would. */
export interface LossyLink {
  /** Where the BFF should send the service's calls (its `<SERVICE>_URL`). */
  url: string;
  /** Set once the service runs: where the link passes calls on to. */
  target: string;
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startLossyLink(cutOf: (request: IncomingMessage) => Cut): Promise<LossyLink> {
  const link = { url: '', target: '', close: async () => {} } as LossyLink;
  const server = createServer((request, response) => {
    void (async () => {
      const body = await readBody(request);
      const cut = cutOf(request);
      if (cut === 'before') return request.socket.destroy();
      const answer = await fetch(`${link.target}${request.url}`, {
        method: request.method,
        headers: Object.fromEntries(
          Object.entries(request.headers).filter(
            ([name]) => !['host', 'connection', 'content-length'].includes(name),
          ) as [string, string][],
        ),
        body: body.length > 0 ? body.toString('utf8') : undefined,
      });
      const text = await answer.text();
      if (cut === 'after') return request.socket.destroy();
      response.writeHead(answer.status, { 'content-type': 'application/json' }).end(text);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  link.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  link.close = () => new Promise((resolve) => server.close(() => resolve()));
  return link;
}
