import { ApolloDriverConfig } from '@nestjs/apollo';
import { formatGraphQLError } from './common/errors/format-error';

/**
 * Apollo settings that matter for security: no stack traces anywhere, no CDN-hosted IDE
 * (it shows a blank page offline), CSRF prevention on (clients send application/json).
 */
export function graphqlOptions(): ApolloDriverConfig {
  return {
    autoSchemaFile: true,
    sortSchema: true,
    path: '/graphql',
    graphiql: false,
    playground: false,
    introspection: true,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    formatError: formatGraphQLError,
    // Errors thrown in field resolvers (e.g. User.security of someone else) go through the one filter too.
    fieldResolverEnhancers: ['filters'],
    context: ({ req, res }: { req: unknown; res: unknown }) => ({ req, res }),
  };
}
