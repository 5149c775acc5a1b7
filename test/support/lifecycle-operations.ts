/** Admin lifecycle operations (deactivate, reactivate, role) shared by the e2e tests; typed by `npm run codegen`. */
import { typed } from './gql';
import { graphql } from './generated';

export const DEACTIVATE_USER = typed(graphql(`
  mutation DeactivateUser($userId: ID!, $reason: String!) { deactivateUser(userId: $userId, reason: $reason) { id status role } }
`));
export const REACTIVATE_USER = typed(graphql(`
  mutation ReactivateUser($userId: ID!) { reactivateUser(userId: $userId) { id status role } }
`));
export const SET_USER_ROLE = typed(graphql(`
  mutation SetUserRole($userId: ID!, $role: Role!) { setUserRole(userId: $userId, role: $role) { id status role } }
`));
export const USER_STATUS = typed(graphql(`query UserStatus($id: ID!) { user(id: $id) { id status role } }`));
