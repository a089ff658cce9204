import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { EggApplicationCore as Application } from 'egg';
import { writeAccessLine } from '../../middleware/access_log.js';
import { mosaicConfig } from '../../lib/mosaic_config.js';
import { traceContextOf } from '../../lib/http/traceparent.js';
import { sessionOfTokenNow, sessionTokenOf } from '../../service/session.js';
import { operationLabel } from './known_operations.js';
import { GraphqlRequest } from './graphql_request.js';
import type { RequestedText } from './plugin.js';

/** A body the lane read and handed on: the first middleware gives it to Egg (`preread_body.ts`). */
export const PREREAD_BODY = Symbol('mosaic.prereadBody');

/**
 * What the lane keeps per app (`app.fastLane`, app/extend/application.ts): the headers Egg's
 * chain puts on a GraphQL answer.
 */
export interface FastLane {
  headers: [string, string | number | string[]][] | undefined;
}

export function createFastLane(): FastLane {
  return { headers: undefined };
}
const SAFE_REQUEST_ID = /^[\w.:-]{1,128}$/;
const MAX_BODY = 64 * 1024;
/** Set per response by Egg or by us: never copied from one answer to another. */
const OWN_HEADERS = new Set(['content-length', 'date', 'x-request-id', 'set-cookie', 'connection']);

/**
 * Remember the headers Egg's middleware (security headers, content type, cache-control) put on a
 * GraphQL answer, so the lane's answers carry exactly the same. Called by the controller until
 * the lane knows them; taken as sent, since Egg's security middleware adds its own after the
 * controller returns.
 */
export function rememberAnswerHeaders(app: Application, response: ServerResponse): void {
  const lane = app.fastLane;
  if (lane.headers) return;
  response.once('finish', () => {
    lane.headers ??= Object.entries(response.getHeaders())
      .filter(([name, value]) => !OWN_HEADERS.has(name) && value !== undefined)
      .map(([name, value]) => [name, value as string | number | string[]]);
  });
}

/**
 * The fast lane for held answers: a `POST /graphql` whose whole answer a plugin of the pipeline
 * holds in this process (`peek`: the response cache) is answered before Egg's middleware chain
 * runs, with the same checks on the way (JSON body, a valid session that was not signed out,
 * same-origin for cookie requests, the pipeline's own `resolve`, `prepare` and `admit`) and the
 * same response headers, request id, metrics and access line. Anything else (a miss, a mutation, any doubt) goes to Egg unchanged, its body handed on.
 * Egg's chain costs a cached answer more than everything else together.
 */
export function installFastLane(app: Application, server: Server): void {
  const [egg] = server.listeners('request') as ((
    req: IncomingMessage,
    res: ServerResponse,
  ) => void)[];
  if (!egg) return;
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (!wanted(app, req)) {
      egg(req, res);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      chunks.push(chunk);
    });
    req.on('end', () => {
      const raw = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size);
      if (!answer(app, req, res, raw)) {
        (req as IncomingMessage & { [PREREAD_BODY]?: Buffer })[PREREAD_BODY] = raw;
        egg(req, res);
      }
    });
    req.on('error', () => res.destroy());
  });
}

/** Whether the request may be a cached query (decided on headers alone, before its body). */
function wanted(app: Application, req: IncomingMessage): boolean {
  if (req.method !== 'POST' || req.url !== '/graphql') return false;
  if (!app.fastLane.headers || !app.graphqlPipeline.canPeek()) return false;
  const length = Number(req.headers['content-length']);
  if (!(length > 0 && length <= MAX_BODY)) return false;
  if (!req.headers['content-type']?.startsWith('application/json')) return false;
  if (req.headers['x-mosaic-env'] !== undefined) return false;
  if (req.headers.authorization) return /^Bearer\s/i.test(req.headers.authorization);
  // The cookie: only what a browser proves same-origin (or no browser at all) — the rest is
  // for require_json.ts to judge.
  const site = req.headers['sec-fetch-site'];
  return site ? site === 'same-origin' : req.headers.origin === undefined;
}

/** Write the cached answer and return true, or return false for Egg to handle the request. */
function answer(app: Application, req: IncomingMessage, res: ServerResponse, raw: Buffer): boolean {
  const started = performance.now();
  let json: unknown;
  try {
    json = JSON.parse(raw.toString());
  } catch {
    return false;
  }
  const body = GraphqlRequest.safeParse(json);
  if (!body.success) return false;
  const pipeline = app.graphqlPipeline;
  let requested: RequestedText;
  try {
    requested = pipeline.resolve(body.data);
  } catch {
    return false;
  }
  const token = sessionTokenOf(req.headers.authorization, req.headers.cookie);
  if (!token) return false;
  const session = sessionOfTokenNow(app, token);
  if (!session) return false;
  const prepared = pipeline.prepare(requested.text, body.data.operationName ?? undefined);
  if (!prepared.ok || prepared.operation.kind !== 'query') return false;
  const { operation } = prepared;
  // Anything a plugin refuses goes the long way, to be refused there with its own error.
  try {
    pipeline.admit(requested, operation);
  } catch {
    return false;
  }
  const call = { session, request: body.data, ownEnvironment: false };
  const held = pipeline.peek(call, operation, body.data.variables ?? undefined);
  if (!held) return false;
  const { metrics } = app.mosaicRuntime;

  const incoming = req.headers['x-request-id'];
  const requestId =
    typeof incoming === 'string' && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
  res.statusCode = 200;
  for (const [name, value] of app.fastLane.headers ?? []) res.setHeader(name, value);
  res.setHeader('x-request-id', requestId);
  res.setHeader('content-length', held.length);
  res.end(held);

  const label = operationLabel(operation.name);
  metrics.graphqlRequests.inc({ operation: label, outcome: 'ok' });
  metrics.graphqlDuration.observe({ operation: label }, (performance.now() - started) / 1000);
  if (mosaicConfig(app).accessLog) {
    const traceparent = req.headers.traceparent;
    writeAccessLine(
      JSON.stringify({
        time: new Date().toISOString(),
        service: 'bff',
        requestId,
        traceId: traceContextOf(typeof traceparent === 'string' ? traceparent : undefined).traceId,
        tenant: session.tenantId,
        user: session.username,
        method: 'POST',
        path: '/graphql',
        operation: operation.name ?? 'anonymous',
        status: 200,
        ms: Math.round((performance.now() - started) * 10) / 10,
        upstreamCalls: 0,
        cacheHits: 0,
        cacheMisses: 0,
        responseCache: 'hit',
      }),
    );
  }
  return true;
}
