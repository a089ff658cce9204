// The floor: bare node:http answering POST /graphql with bytes captured from the BFF, from
// memory. No parsing, no auth, no upstreams: what loopback HTTP alone costs on this machine.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { announce } from './load-runtime.js';

const bodies = JSON.parse(readFileSync(process.env.FLOOR_BODIES ?? '', 'utf8')) as Record<
  string,
  string
>;
const answers = Object.entries(bodies).map(([name, body]) => ({ name, bytes: Buffer.from(body) }));
const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const request = Buffer.concat(chunks).toString();
    const answer = answers.find((a) => request.includes(a.name)) ?? answers[0];
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    res.end(answer?.bytes);
  });
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () =>
  announce((server.address() as AddressInfo).port),
);
