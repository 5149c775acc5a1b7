import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriverConfig } from '@nestjs/apollo';
import { Logger } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import type { GraphQLFormattedError } from 'graphql';
import { complexityPlugin } from './common/graphql/complexity.plugin';
import { noStorePlugin } from './common/graphql/no-store.plugin';
import { boundMessage, knownOperationTypesRule, reclassifyRequestError, withoutSuggestions } from './common/graphql/request-errors';
import { DEFAULT_QUERY_LIMITS, MAX_TOKENS, QueryLimits, queryLimitsRule } from './common/graphql/query-limits';
import { formatGraphQLError } from './common/errors/format-error';
import { httpConfig } from './config/http.config';
import { operationNamePlugin } from './logging/operation-name.plugin';

export const GRAPHQL_PATH = '/graphql';

export function queryLimits(http: ConfigType<typeof httpConfig>): QueryLimits {
  return { ...DEFAULT_QUERY_LIMITS, maxDepth: http.graphql.maxDepth };
}

/** Apollo's own messages (e.g. an operation received during shutdown) go to the JSON log too. */
function apolloLogger() {
  const log = new Logger('Apollo');
  return {
    debug: (m: unknown) => log.debug(String(m)),
    info: (m: unknown) => log.log(String(m)),
    warn: (m: unknown) => log.warn(String(m)),
    error: (m: unknown) => log.error(String(m)),
  };
}

/**
 * Apollo settings that matter for security: no stack traces anywhere, no CDN-hosted IDE
 * (it shows a blank page offline), CSRF prevention on (clients send application/json),
 * introspection per GRAPHQL_INTROSPECTION, abuse limits (depth, aliases, top-level fields,
 * field count as validation rules; cost per operation as a plugin; a token cap in the parser),
 * no batching and no automatic persisted queries.
 * Where the schema is not published (introspection off: production by default), errors do not
 * publish it either: no "Did you mean …?" field, argument, type or enum value suggestions.
 */
export function graphqlOptions(http: ConfigType<typeof httpConfig>): ApolloDriverConfig {
  const hideSchema = !http.graphql.introspection;
  const suggestions = hideSchema ? withoutSuggestions : (f: GraphQLFormattedError) => f;
  return {
    autoSchemaFile: true,
    sortSchema: true,
    path: GRAPHQL_PATH,
    graphiql: false,
    playground: false,
    introspection: http.graphql.introspection,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    persistedQueries: false,
    // Apollo's own switch covers validation errors; formatError below also covers variable
    // coercion errors (e.g. an unknown input field), which graphql-js words the same way.
    hideSchemaDetailsFromClientErrors: hideSchema,
    parseOptions: { maxTokens: MAX_TOKENS },
    validationRules: [knownOperationTypesRule, queryLimitsRule(queryLimits(http))],
    // No cache-control plugin (it instruments every field for hints nobody gives): no-store instead.
    plugins: [complexityPlugin(http.graphql.maxComplexity), operationNamePlugin(), ApolloServerPluginCacheControlDisabled(), noStorePlugin()],
    logger: apolloLogger(),
    formatError: (formatted, error) => formatGraphQLError(boundMessage(suggestions(reclassifyRequestError(formatted, error)))),
    // Errors thrown in field resolvers (e.g. User.security of someone else) go through the one filter too.
    fieldResolverEnhancers: ['filters'],
    context: ({ req, res }: { req: unknown; res: unknown }) => ({ req, res }),
  };
}
