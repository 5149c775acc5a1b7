/** Named operations of the sessions suites (API.md Part 2, "Browser sessions, active sessions"). */
import { typed } from './gql';
import { graphql } from './generated';

export const MY_SESSIONS = typed(graphql(`
  query MySessions {
    mySessions { id createdAt lastSeenAt expiresAt ip userAgent browser os signedInWith current }
  }
`));
export const REVOKE_SESSION = typed(graphql(`mutation RevokeSession($id: ID!) { revokeSession(id: $id) }`));
export const REVOKE_OTHER_SESSIONS = typed(graphql(`mutation RevokeOtherSessions { revokeOtherSessions }`));
export const USER_SESSIONS = typed(graphql(`
  query UserSessions($userId: ID!) {
    userSessions(userId: $userId) { id lastSeenAt browser os ip signedInWith current }
  }
`));
export const REVOKE_USER_SESSIONS = typed(graphql(`mutation RevokeUserSessions($userId: ID!) { revokeUserSessions(userId: $userId) }`));
export const SESSIONS_ME = typed(graphql(`query SessionsMe { me { id email } }`));
