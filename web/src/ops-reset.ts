/** The operations of the reset-password and add-user pages (typed documents, see ops.ts). */
import { graphql } from './gql';

export const REQUEST_PASSWORD_RESET = graphql(`
  mutation RequestPasswordReset($email: String!) { requestPasswordReset(email: $email) }
`);
export const RESET_PASSWORD = graphql(`
  mutation ResetPassword($token: String!, $newPassword: String!) {
    resetPassword(token: $token, newPassword: $newPassword) { ...LoginOutcome }
  }
`);
export const INVITE_USER = graphql(`
  mutation InviteUser($input: InviteUserInput!) { inviteUser(input: $input) { id email displayName role } }
`);
export const CREATE_USER_WITH_PASSWORD = graphql(`
  mutation CreateUserWithPassword($input: CreateUserInput!) { createUser(input: $input) { id email displayName role } }
`);
export const RESEND_INVITE = graphql(`mutation ResendInvite($userId: ID!) { resendInvite(userId: $userId) }`);
export const SEND_PASSWORD_RESET = graphql(`mutation SendPasswordReset($userId: ID!) { sendPasswordReset(userId: $userId) }`);
