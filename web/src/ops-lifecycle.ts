/** Operations of the account lifecycle pages: change password (User Setting) and the admin's per-user actions. */
import { graphql } from './gql';

export const CHANGE_PASSWORD = graphql(`
  mutation ChangeMyPassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
  }
`);
export const DEACTIVATE_USER = graphql(`
  mutation DeactivateAccount($userId: ID!, $reason: String!) { deactivateUser(userId: $userId, reason: $reason) { ...UserFields status } }
`);
export const REACTIVATE_USER = graphql(`
  mutation ReactivateAccount($userId: ID!) { reactivateUser(userId: $userId) { ...UserFields status } }
`);
export const SET_USER_ROLE = graphql(`
  mutation ChangeRole($userId: ID!, $role: Role!) { setUserRole(userId: $userId, role: $role) { ...UserFields status } }
`);
export const USER_LIFECYCLE = graphql(`query UserLifecycle($id: ID!) { user(id: $id) { id status role } }`);
