import { readFileSync } from 'node:fs';
import { Kind } from 'graphql';
import type {
  GraphQLObjectType,
  GraphQLSchema,
  OperationDefinitionNode,
  SelectionSetNode,
} from 'graphql';
import type { DocumentNode } from 'graphql';
import { BffError, ErrorCode } from '../../lib/http/errors.js';
import type { GraphqlRequestBody } from '../pipeline/graphql_request.js';
import type { GraphqlPlugin, RequestedText } from '../pipeline/plugin.js';

/** One of the apps' own operations, as `scripts/build.mjs` collected it from their sources. */
export interface TrustedDocument {
  /** `sha256:<hex of text>`. */
  id: string;
  /** The app whose sources hold it (`micro-apps/<app>/src/**.graphql`). */
  app: string;
  operationName: string;
  text: string;
}

const file = new URL('../trusted_documents.json', import.meta.url);
let store: Map<string, TrustedDocument> | undefined;

/**
 * The trusted documents, by the hex sha256 of their text: built into `dist/` from the apps'
 * `.graphql` sources, so the BFF and each app agree on ids without a hand-kept copy.
 */
export function trustedDocuments(): Map<string, TrustedDocument> {
  if (!store) {
    let list: TrustedDocument[];
    try {
      list = (JSON.parse(readFileSync(file, 'utf8')) as { documents: TrustedDocument[] }).documents;
    } catch (err) {
      throw new Error(
        `bff: cannot read ${file.pathname} (${(err as Error).message}): run \`pnpm build\` to collect the apps' trusted documents`,
      );
    }
    store = new Map(list.map((d) => [d.id.replace(/^sha256:/, ''), d]));
  }
  return store;
}

/** Options of useTrustedDocuments. */
export interface TrustedDocumentsOptions {
  /** The documents by the hex sha256 of their text. @default the build's (`trustedDocuments()`) */
  documents?: () => Map<string, TrustedDocument>;
}

/**
 * Trusted documents: an app sends `documentId: "sha256:<hex>"` (or Apollo's
 * `extensions.persistedQuery.sha256Hash`) instead of the query text, so requests stay small and
 * only operations shipped in the apps' sources run under that id. Root fields the schema marks
 * `@trustedDocumentsOnly` (the shop's) run from no other text. Without this plugin the BFF runs
 * query text only, and those fields run from any text.
 */
export function useTrustedDocuments(options: TrustedDocumentsOptions = {}): GraphqlPlugin {
  const documents = options.documents ?? trustedDocuments;
  return {
    name: 'trusted-documents',
    resolveText: (request) => documentOf(documents(), request),
    describe: (schema, document, definition) => ({
      trustedOnly: trustedOnlyFields(schema, document, definition),
    }),
    admit: (requested, operation) => requireTrusted(requested, operation.trustedOnly),
  };
}

/** The trusted document a request names by id, or undefined when it sends text. */
function documentOf(
  store: Map<string, TrustedDocument>,
  request: GraphqlRequestBody,
): RequestedText | undefined {
  const hash =
    request.documentId?.replace(/^sha256:/, '') ??
    (typeof request.extensions?.persistedQuery?.sha256Hash === 'string'
      ? request.extensions.persistedQuery.sha256Hash
      : undefined);
  if (hash === undefined) return undefined;
  const document = store.get(hash.toLowerCase());
  if (!document) {
    throw new BffError(
      ErrorCode.PERSISTED_QUERY_NOT_FOUND,
      `no trusted document has id sha256:${hash.slice(0, 64)}: the app was built against other operations than this BFF's; rebuild and redeploy them together`,
    );
  }
  return { text: document.text, trusted: true };
}

/**
 * The root fields of `definition` the schema marks `@trustedDocumentsOnly` (fragments at the
 * root followed): computed once per prepared document, so the check costs nothing per request.
 */
function trustedOnlyFields(
  schema: GraphQLSchema,
  document: DocumentNode,
  definition: OperationDefinitionNode,
): string[] {
  const root: GraphQLObjectType | null | undefined =
    definition.operation === 'query'
      ? schema.getQueryType()
      : definition.operation === 'mutation'
        ? schema.getMutationType()
        : schema.getSubscriptionType();
  if (!root) return [];
  const fields = root.getFields();
  const found = new Set<string>();
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode): void => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const field = fields[selection.name.value];
        if (field?.astNode?.directives?.some((d) => d.name.value === 'trustedDocumentsOnly'))
          found.add(selection.name.value);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) walk(selection.selectionSet);
      else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment = document.definitions.find(
          (d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === selection.name.value,
        );
        if (fragment?.kind === Kind.FRAGMENT_DEFINITION) walk(fragment.selectionSet);
      }
    }
  };
  walk(definition.selectionSet);
  return [...found].sort();
}

/** Refuse text that selects a trusted-documents-only field (the shop's) unless it came by id. */
function requireTrusted(requested: RequestedText, trustedOnly: readonly string[]): void {
  if (requested.trusted || trustedOnly.length === 0) return;
  throw new BffError(
    ErrorCode.TRUSTED_DOCUMENT_REQUIRED,
    `${trustedOnly.join(', ')} only run${trustedOnly.length === 1 ? 's' : ''} from the apps' trusted documents: send \`documentId\` of an operation built from the app's sources, not query text`,
  );
}
