/** Named operations of the admin console's triage and recovery suites (issue 15). */
import { typed } from './gql';
import { graphql } from './generated';

export const SORTED_USERS = typed(graphql(`
  query SortedUsers($search: String, $first: Int, $after: String, $orderBy: UserOrder) {
    users(search: $search, first: $first, after: $after, orderBy: $orderBy) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { id email displayName createdAt lastLoginAt security { twoFactorEnabled backupCodes { remaining } } } }
    }
  }
`));
export const TRIAGE_SECURITY = typed(graphql(`
  query TriageSecurity($id: ID!) { user(id: $id) { id security { twoFactorEnabled ssoConnections { provider { id } } } } }
`));
