import type { ApolloServerPlugin, BaseContext, GraphQLRequestListener } from '@apollo/server';
import { DocumentNode, getNamedType, getVariableValues, GraphQLError, isLeafType, Kind, OperationDefinitionNode, visit } from 'graphql';
import { ComplexityEstimator, getComplexity } from 'graphql-query-complexity';

/** Page sizes above this are refused by the args validation anyway (BAD_USER_INPUT). */
const MAX_PAGE = 100;

/**
 * Cost model: an object field costs 1, a scalar 0 (it is read from an object already loaded);
 * a field with a `first` argument costs 1 + first × its selection (one page of items).
 * Lists without `first` are bounded server-side (backup codes, methods, SSO links) and count once.
 * `first` is clamped to 1…100 so an out-of-range page size gets its own BAD_USER_INPUT.
 */
export const complexityEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  const own = isLeafType(getNamedType(field.type)) ? 0 : 1;
  const first = typeof args?.first === 'number' ? Math.min(Math.max(Math.trunc(args.first), 1), MAX_PAGE) : 1;
  return own + first * childComplexity;
};

export function validationFailed(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } } });
}

/**
 * Refuses operations whose estimated cost exceeds `maxComplexity`, before any resolver runs.
 * A plugin rather than a validation rule: the cost depends on variables (`first: $n`), and Apollo
 * caches validation per document text.
 */
export function complexityPlugin(maxComplexity: number): ApolloServerPlugin {
  // Apollo keeps parsed documents in an LRU, so the same operation text arrives as the same node:
  // the cost of an operation whose variables cannot change it is computed once (`me` is ~70 µs).
  const fixedCost = new WeakMap<OperationDefinitionNode, number>();
  // One listener for every request (its only state, fixedCost, is shared on purpose).
  const listener: GraphQLRequestListener<BaseContext> = {
    async didResolveOperation({ request, document, operation, schema }) {
      if (!operation) return;
      const known = fixedCost.get(operation);
      if (known !== undefined) {
        if (known > maxComplexity) throw validationFailed(`Query is too complex: cost ${known}, the limit is ${maxComplexity}`);
        return;
      }
      // Only the operation that runs, with the fragments it may use.
      const query: DocumentNode = {
        kind: Kind.DOCUMENT,
        definitions: [operation, ...document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)],
      };
      // Variables that do not coerce: execution reports them (BAD_USER_INPUT). Checked here with
      // maxErrors 1 because getComplexity coerces without a cap, and each error echoes the whole
      // value: 5,000 unknown keys in one input object cost 13 s of CPU that way.
      const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {}, { maxErrors: 1 });
      if (coerced.errors?.length) return;
      let cost: number;
      try {
        cost = getComplexity({ schema, query, variables: request.variables ?? {}, estimators: [complexityEstimator] });
      } catch (e) {
        if (/maximum allowed number of nodes/.test((e as Error)?.message ?? '')) {
          throw validationFailed('Query is too large');
        }
        return;
      }
      if (!costDependsOnVariables(query)) fixedCost.set(operation, cost);
      if (cost > maxComplexity) {
        throw validationFailed(`Query is too complex: cost ${cost}, the limit is ${maxComplexity}`);
      }
    },
  };
  return {
    async requestDidStart() {
      return listener;
    },
  };
}

/** True when a variable feeds a `first` argument or an @include/@skip condition. */
function costDependsOnVariables(doc: DocumentNode): boolean {
  let depends = false;
  visit(doc, {
    Argument(node, _key, _parent, _path, ancestors) {
      if (node.value.kind !== Kind.VARIABLE) return;
      const owner = ancestors[ancestors.length - 1] as { kind?: string };
      if (node.name.value === 'first' || owner?.kind === Kind.DIRECTIVE) depends = true;
    },
  });
  return depends;
}
