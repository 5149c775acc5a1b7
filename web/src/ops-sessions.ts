/**
 * Operations of "Where you're signed in" (User settings) and of a user's sessions in the admin
 * console (API.md Part 2, "Browser sessions, active sessions").
 */
import { graphql } from './gql';

export const MY_SESSIONS = graphql(`
  query SignedInSessions { mySessions { id createdAt lastSeenAt browser os ip signedInWith current } }
`);
export const REVOKE_SESSION = graphql(`
  mutation SignOutSession($id: ID!) { revokeSession(id: $id) }
`);
export const REVOKE_OTHER_SESSIONS = graphql(`
  mutation SignOutOtherSessions { revokeOtherSessions }
`);
export const USER_SESSIONS = graphql(`
  query UserSignedInSessions($userId: ID!) { userSessions(userId: $userId) { id createdAt lastSeenAt browser os ip signedInWith } }
`);
export const REVOKE_USER_SESSIONS = graphql(`
  mutation SignOutUserEverywhere($userId: ID!) { revokeUserSessions(userId: $userId) }
`);
