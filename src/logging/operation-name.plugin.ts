import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';

export const OPERATION_NAME = Symbol('graphqlOperationName');

/**
 * Puts the resolved GraphQL operation's name on the HTTP request, for the access log line
 * (`operation`). The name comes from the parsed document, so it is there whether or not the
 * client sent `operationName`; the operation text and variables are never logged.
 */
export function operationNamePlugin(): ApolloServerPlugin<{ req?: Record<symbol, unknown> }> {
  // One listener for every request (it keeps no state of its own).
  const listener: GraphQLRequestListener<{ req?: Record<symbol, unknown> }> = {
    async didResolveOperation({ contextValue, operationName, operation }) {
      if (contextValue.req && operation) contextValue.req[OPERATION_NAME] = operationName ?? `(anonymous ${operation.operation})`;
    },
  };
  return {
    async requestDidStart() {
      return listener;
    },
  };
}
