import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { GraphQLSchema } from 'graphql';

/**
 * What `bff/graphql_runtime.ts` exports, as the peers use it. Declared here rather than imported
 * from bff's sources so the bench typechecks without compiling the BFF; the peers load the
 * built `bff/dist`, the very code `node bff/dist/server.js` runs.
 */
export interface GraphqlRuntime {
  schema: GraphQLSchema;
  contextFor(headers: Record<string, string | undefined>): Promise<{ tenantId: string }>;
  close(): Promise<void>;
}

/** Boot the BFF's schema, resolvers, services and entity cache without its HTTP pipeline. */
export async function loadRuntime(): Promise<GraphqlRuntime> {
  const dist = process.env.BFF_DIST ?? path.resolve(import.meta.dirname, '../../../bff/dist');
  const mod = (await import(pathToFileURL(path.join(dist, 'graphql_runtime.js')).href)) as {
    startGraphqlRuntime(): Promise<GraphqlRuntime>;
  };
  return mod.startGraphqlRuntime();
}

/** The port from $PORT, announced on stdout once listening so the bench knows. */
export function announce(port: number): void {
  process.stdout.write(`listening ${port}\n`);
}
