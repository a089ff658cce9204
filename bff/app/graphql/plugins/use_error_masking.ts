import { GraphQLError } from 'graphql';
import type { GraphQLFormattedError } from 'graphql';
import { BffError, ErrorCode } from '../../lib/http/errors.js';
import type { ErrorScope, GraphqlPlugin } from '../pipeline/plugin.js';

/** Options of useErrorMasking. */
export interface ErrorMaskingOptions {
  /** Show messages of unexpected errors (development only). @default false */
  exposeInternal?: boolean;
  /** Called with each unexpected error, so it is logged once with the request id. */
  onUnexpected: (error: unknown, scope: ErrorScope) => void;
}

/**
 * Coded, masked GraphQL errors: every error carries `extensions.code` and `extensions.requestId`;
 * BffErrors keep their message (and the bad fields they name, as `extensions.fields`),
 * unexpected errors are masked outside development. Without this plugin errors go out as
 * graphql-js shapes them: no code, no request id, internal messages shown.
 */
export function useErrorMasking(options: ErrorMaskingOptions): GraphqlPlugin {
  const { exposeInternal = false, onUnexpected } = options;
  return {
    name: 'error-masking',
    formatError: (error, scope) => maskError(error, scope, exposeInternal, onUnexpected),
  };
}

function maskError(
  error: GraphQLError,
  scope: ErrorScope,
  exposeInternal: boolean,
  onUnexpected: ErrorMaskingOptions['onUnexpected'],
): GraphQLFormattedError {
  const { requestId } = scope;
  const formatted = error.toJSON();
  const original = error.originalError;
  if (original instanceof BffError) {
    return {
      ...formatted,
      message: original.message,
      extensions: {
        ...original.extensions,
        code: original.code,
        requestId,
        ...(original.fields ? { fields: original.fields } : {}),
      },
    };
  }
  // A scalar refusing a variable (`Int` given "x") is the client's mistake, not ours.
  if (original instanceof GraphQLError && !original.originalError) {
    const code =
      typeof original.extensions?.code === 'string'
        ? (original.extensions?.code as string)
        : ErrorCode.BAD_USER_INPUT;
    const fields = variableFields(error.message);
    return {
      ...formatted,
      extensions: { ...formatted.extensions, code, requestId, ...(fields ? { fields } : {}) },
    };
  }
  if (original) {
    onUnexpected(original, scope);
    return {
      ...formatted,
      message: exposeInternal
        ? error.message
        : 'Unexpected error; the request id links to the log line.',
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, requestId },
    };
  }
  // No original error: the client's mistake (syntax, validation, variable coercion).
  const code =
    typeof error.extensions?.code === 'string' ? error.extensions.code : ErrorCode.BAD_USER_INPUT;
  const fields = variableFields(error.message);
  return {
    ...formatted,
    extensions: { ...formatted.extensions, code, requestId, ...(fields ? { fields } : {}) },
  };
}

const BAD_VARIABLE = /^Variable "\$(\w+)" got invalid value .*?(?: at "([^"]+)")?; (.+)$/s;

/**
 * The field a variable error names, in the BFF's `fields` form: dotted from the variable's own
 * fields (`$input` at "input.lines[0].quantity" → `lines.0.quantity`), or the variable itself.
 */
function variableFields(message: string): { path: string; message: string }[] | undefined {
  const match = BAD_VARIABLE.exec(message);
  if (!match?.[1] || !match[3]) return undefined;
  const dotted = (match[2] ?? match[1]).replace(/\[(\d+)\]/g, '.$1');
  const path = dotted.startsWith(`${match[1]}.`) ? dotted.slice(match[1].length + 1) : dotted;
  return [{ path, message: match[3] }];
}
