import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';

const hooks: GraphQLRequestListener<object> = {
  async willSendResponse({ response }) {
    response.http.headers.set('cache-control', 'no-store');
  },
};

/**
 * `Cache-Control: no-store` on every GraphQL answer (they carry tokens and account state). It
 * stands in for Apollo's default cache-control plugin, which the app turns off
 * (`ApolloServerPluginCacheControlDisabled`): that plugin sets this same header, but to work out
 * cache hints nobody here gives it wraps every field resolver of every request with hooks, which
 * costs a `{ users(first: 50) … }` page hundreds of hook calls and promises.
 */
export function noStorePlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return hooks;
    },
  };
}
