import { ASTVisitor, GraphQLError, GraphQLFormattedError, ValidationContext } from 'graphql';

/**
 * graphql 16 validates a `subscription` (or a `mutation`) even when the schema has no such root
 * type, and only execution fails, with a code-less error that Apollo reports as
 * INTERNAL_SERVER_ERROR. This rule (graphql 17's KnownOperationTypes) refuses it at validation.
 */
export function knownOperationTypesRule(context: ValidationContext): ASTVisitor {
  const schema = context.getSchema();
  return {
    OperationDefinition(node) {
      if (!schema.getRootType(node.operation)) {
        context.reportError(new GraphQLError(`This API does not support ${node.operation} operations`, { nodes: node }));
      }
      return false;
    },
  };
}

/**
 * Request errors that graphql-js raises without a code, which Apollo would label
 * INTERNAL_SERVER_ERROR although the client is at fault. Only exact, known messages: a real
 * internal error must stay internal.
 */
const CLIENT_FAULTS: Array<[RegExp, string]> = [
  // getVariableValues stops after 50 bad variable values (e.g. an input object with 500 unknown keys)
  [/^Too many errors processing variables, error limit reached\. Execution aborted\.$/, 'BAD_USER_INPUT'],
];

export function reclassifyRequestError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  if (formatted.extensions?.code !== 'INTERNAL_SERVER_ERROR' || !(error instanceof GraphQLError) || error.path || error.originalError) {
    return formatted;
  }
  const match = CLIENT_FAULTS.find(([pattern]) => pattern.test(error.message));
  return match ? { ...formatted, extensions: { ...formatted.extensions, code: match[1] } } : formatted;
}

const MAX_MESSAGE = 600;

/**
 * graphql-js echoes a bad variable's whole value in its message, once per error and up to 50
 * errors: a 90 kB input object of unknown keys came back as a 5 MB response. Long messages keep
 * their start and their end (the reason), never more than MAX_MESSAGE characters.
 */
export function boundMessage(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const m = formatted.message;
  if (m.length <= MAX_MESSAGE) return formatted;
  return { ...formatted, message: `${m.slice(0, 300)} … ${m.slice(-(MAX_MESSAGE - 303))}` };
}

/**
 * graphql-js ends many messages with " Did you mean …?" naming fields, arguments, types or enum
 * values close to what was sent: a way to read the schema without introspection. Remove it.
 */
const SUGGESTION = / ?Did you mean [^]*\?$/;
export function withoutSuggestions(formatted: GraphQLFormattedError): GraphQLFormattedError {
  return SUGGESTION.test(formatted.message) ? { ...formatted, message: formatted.message.replace(SUGGESTION, '') } : formatted;
}
