import { GraphQLScalarType, Kind } from 'graphql';
import { formatFen, parseMoney } from '../lib/money.js';

/** The `Money` scalar: resolvers hand it fen, clients see and send decimal strings. */
export const MoneyScalar = new GraphQLScalarType<number, string>({
  name: 'Money',
  description: 'A decimal string in yuan with two places, e.g. "12.50".',
  serialize: (value) => formatFen(value as number),
  parseValue: parseMoney,
  parseLiteral: (ast) => parseMoney(ast.kind === Kind.STRING ? ast.value : undefined),
});
