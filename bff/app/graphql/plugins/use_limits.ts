import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { GraphQLError, NoSchemaIntrospectionCustomRule, parse, validate } from 'graphql';
import type { DocumentNode, GraphQLSchema, ValidationRule } from 'graphql';
import { ErrorCode } from '../../lib/http/errors.js';
import type { GraphqlLimits } from '../../lib/mosaic_config.js';
import type { GraphqlPlugin } from '../pipeline/plugin.js';
import { withCode } from '../pipeline/with_code.js';

/**
 * Query limits from GraphQL Armor's validation rules (depth, cost, aliases) and graphql-js's own
 * token limit, run before the standard validation so an abusive document costs little. Each rule
 * runs in its own pass so its errors get a precise code; the pipeline keeps the outcome per
 * document (pipeline/prepare_operation.ts), so the passes run once per distinct document.
 * Without this plugin, documents of any size, depth or cost are validated and run. `__typename`
 * aliases count like any other (Armor exempts them by default: 500 of them passed a limit of 15).
 */
export function useLimits(limits: GraphqlLimits): GraphqlPlugin {
  const rules: { code: ErrorCode; rule: ValidationRule }[] = [
    // Depth and cost count fields: a fragment (the apps' `.graphql` files share them) adds no
    // level and no cost, so a document costs the same written inline or with fragments.
    {
      code: ErrorCode.DEPTH_LIMIT_EXCEEDED,
      rule: maxDepthRule({ n: limits.maxDepth, flattenFragments: true }),
    },
    {
      code: ErrorCode.COST_LIMIT_EXCEEDED,
      rule: costLimitRule({ maxCost: limits.maxCost, flattenFragments: true }),
    },
    {
      code: ErrorCode.ALIAS_LIMIT_EXCEEDED,
      rule: maxAliasesRule({ n: limits.maxAliases, allowList: [] }),
    },
  ];
  if (!limits.introspection) {
    rules.push({
      code: ErrorCode.GRAPHQL_VALIDATION_FAILED,
      rule: NoSchemaIntrospectionCustomRule,
    });
  }
  return {
    name: 'limits',
    /** Parse, refusing documents over the token limit (graphql-js stops lexing there). */
    parse(query): DocumentNode {
      try {
        return parse(query, { maxTokens: limits.maxTokens });
      } catch (err) {
        const error = err instanceof GraphQLError ? err : new GraphQLError(String(err));
        const tooLong = /more tha[nt] \d+ tokens/.test(error.message);
        throw withCode(
          error,
          tooLong ? ErrorCode.TOKEN_LIMIT_EXCEEDED : ErrorCode.GRAPHQL_PARSE_FAILED,
        );
      }
    },
    /** Depth, cost, alias and introspection checks; each error carries its own code. */
    checkDocument(schema: GraphQLSchema, document: DocumentNode): GraphQLError[] {
      for (const { code, rule } of rules) {
        let errors: readonly GraphQLError[];
        try {
          errors = validate(schema, document, [rule]);
        } catch (err) {
          // GraphQL Armor's rules throw on rejection rather than report.
          if (!(err instanceof GraphQLError)) throw err;
          errors = [err];
        }
        if (errors.length > 0) return errors.map((e) => withCode(e, code));
      }
      return [];
    },
  };
}
