import { createHash } from 'node:crypto';
import type { Context } from 'egg';
import { buildSchema } from 'graphql';
import type { GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { BffError, ErrorCode } from '../../lib/http/errors.js';
import { useErrorMasking } from '../plugins/use_error_masking.js';
import { useLimits } from '../plugins/use_limits.js';
import { useTrustedDocuments } from '../plugins/use_trusted_documents.js';
import type { TrustedDocument } from '../plugins/use_trusted_documents.js';
import { createGraphqlPipeline } from './create_pipeline.js';
import type { GraphqlPipeline } from './create_pipeline.js';
import type { GraphqlPlugin } from './plugin.js';

// A schema of its own, so each plugin is seen to do its part and to take it away when removed.
function smallSchema(): GraphQLSchema {
  const schema = buildSchema(`
    directive @trustedDocumentsOnly on FIELD_DEFINITION
    type Node { name: String, child: Node }
    type Query {
      hello: String
      node: Node
      secretShelf: String @trustedDocumentsOnly
      broken: String
      refused: String
    }
  `);
  const fields = schema.getQueryType()?.getFields() ?? {};
  const node = { name: 'n', child: undefined as unknown };
  node.child = node;
  Object.assign(fields.hello ?? {}, { resolve: () => 'hi' });
  Object.assign(fields.node ?? {}, { resolve: () => node });
  Object.assign(fields.secretShelf ?? {}, { resolve: () => 'shop only' });
  Object.assign(fields.broken ?? {}, {
    resolve: () => {
      throw new Error('password=hunter2 in a stack');
    },
  });
  Object.assign(fields.refused ?? {}, {
    resolve: () => {
      throw new BffError(ErrorCode.FORBIDDEN, 'not for your role');
    },
  });
  return schema;
}

const shelfText = 'query Shelf { secretShelf }';
const shelfId = createHash('sha256').update(shelfText).digest('hex');
const documents = new Map<string, TrustedDocument>([
  [shelfId, { id: `sha256:${shelfId}`, app: 'shop', operationName: 'Shelf', text: shelfText }],
]);
const limits = { maxDepth: 4, maxCost: 5000, maxAliases: 3, maxTokens: 400, introspection: false };
const logged: unknown[] = [];
const masking = useErrorMasking({ onUnexpected: (err) => logged.push(err) });
const trusted = useTrustedDocuments({ documents: () => documents });
const limited = useLimits(limits);
const ctx = { state: {} } as unknown as Context;
const session = {
  tenantId: 'shop-a',
  userId: 'u1',
  username: 'clerk',
  roles: ['clerk'],
  expiresAt: 0,
  tokenId: 't',
};

function pipelineOf(plugins: GraphqlPlugin[]): GraphqlPipeline {
  return createGraphqlPipeline({ schema: smallSchema(), plugins, contextOf: () => ({}) });
}

/** What the client reads back: the parsed body, or the thrown error's code and message. */
async function ask(
  pipeline: GraphqlPipeline,
  request: { query?: string; documentId?: string },
): Promise<Record<string, unknown>> {
  try {
    const requested = pipeline.resolve(request);
    const prepared = pipeline.prepare(requested.text, undefined);
    if (!prepared.ok)
      return JSON.parse(pipeline.refusal(prepared.errors, { requestId: 'r1', ctx }).toString());
    pipeline.admit(requested, prepared.operation);
    const answer = await pipeline.execute({
      ctx,
      requestId: 'r1',
      session,
      request,
      ownEnvironment: false,
      operation: prepared.operation,
      variables: undefined,
    });
    return JSON.parse(answer.body.toString());
  } catch (err) {
    if (err instanceof BffError) return { thrown: err.code, message: err.message };
    throw err;
  }
}

const deep = '{ node { child { child { child { child { child { name } } } } } } }';
const codes = (body: Record<string, unknown>): unknown =>
  (body.errors as { extensions?: { code?: string } }[] | undefined)?.map((e) => e.extensions?.code);

describe('the GraphQL pipeline and its plugins', () => {
  it('runs a document by id, refuses a shop field from text, and deep or broken queries', async () => {
    const pipeline = pipelineOf([masking, trusted, limited]);
    expect(await ask(pipeline, { documentId: `sha256:${shelfId}` })).toEqual({
      data: { secretShelf: 'shop only' },
    });
    expect(await ask(pipeline, { query: shelfText })).toMatchObject({
      thrown: ErrorCode.TRUSTED_DOCUMENT_REQUIRED,
    });
    expect(codes(await ask(pipeline, { query: deep }))).toEqual([ErrorCode.DEPTH_LIMIT_EXCEEDED]);
    const broken = await ask(pipeline, { query: '{ broken }' });
    expect(JSON.stringify(broken)).not.toContain('hunter2');
    expect(broken.errors).toEqual([
      expect.objectContaining({
        extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, requestId: 'r1' },
      }),
    ]);
    expect(logged).toHaveLength(1);
    expect(codes(await ask(pipeline, { query: '{ refused }' }))).toEqual([ErrorCode.FORBIDDEN]);
  });

  it('without the limits plugin, a deep query runs', async () => {
    const body = await ask(pipelineOf([masking, trusted]), { query: deep });
    expect(body.errors).toBeUndefined();
    expect(JSON.stringify(body.data)).toContain('"name":"n"');
  });

  it('without the trusted documents plugin, ids are refused and every field runs from text', async () => {
    const pipeline = pipelineOf([masking, limited]);
    expect(await ask(pipeline, { documentId: `sha256:${shelfId}` })).toMatchObject({
      thrown: ErrorCode.BAD_REQUEST,
      message: expect.stringContaining('runs no documents by id'),
    });
    expect(await ask(pipeline, { query: shelfText })).toEqual({
      data: { secretShelf: 'shop only' },
    });
  });

  it('without error masking, errors go out as graphql-js shapes them: no code, no request id', async () => {
    const broken = await ask(pipelineOf([trusted, limited]), { query: '{ broken }' });
    expect(broken.errors).toEqual([
      expect.objectContaining({ message: 'password=hunter2 in a stack' }),
    ]);
    expect(codes(broken)).toEqual([undefined]);
  });

  it('runs execute hooks outermost first, and the fast lane peeks only where a plugin can', async () => {
    const order: string[] = [];
    const tracer = (name: string): GraphqlPlugin => ({
      name,
      async execute(execution, next) {
        order.push(`${name} in`);
        const answer = await next(execution);
        order.push(`${name} out`);
        return answer;
      },
    });
    const held: GraphqlPlugin = {
      name: 'held',
      canPeek: () => false,
      peek: () => Buffer.from('{"data":{"hello":"held"}}'),
    };
    const pipeline = pipelineOf([tracer('outer'), tracer('inner'), held]);
    expect(await ask(pipeline, { query: '{ hello }' })).toEqual({ data: { hello: 'hi' } });
    expect(order).toEqual(['outer in', 'inner in', 'inner out', 'outer out']);
    expect(pipeline.canPeek()).toBe(false);
    expect(pipelineOf([masking]).canPeek()).toBe(false);
    expect(pipelineOf([{ ...held, canPeek: undefined }]).canPeek()).toBe(true);
  });
});
