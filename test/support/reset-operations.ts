/** Operations of password reset and invitations (src/password-reset), typed like ./operations.ts. */
import { typed } from './gql';
import { graphql } from './generated';

export const REQUEST_PASSWORD_RESET = typed(graphql(`
  mutation RequestPasswordReset($email: String!) { requestPasswordReset(email: $email) }
`));
export const RESET_PASSWORD = typed(graphql(`
  mutation ResetPassword($token: String!, $newPassword: String!) {
    resetPassword(token: $token, newPassword: $newPassword) { ...LoginOutcome }
  }
`));
export const INVITE_USER = typed(graphql(`
  mutation InviteUser($input: InviteUserInput!) { inviteUser(input: $input) { id email displayName role status } }
`));
export const RESEND_INVITE = typed(graphql(`mutation ResendInvite($userId: ID!) { resendInvite(userId: $userId) }`));
export const SEND_PASSWORD_RESET = typed(graphql(`mutation SendPasswordReset($userId: ID!) { sendPasswordReset(userId: $userId) }`));
export const RESET_USER_STATUS = typed(graphql(`query ResetUserStatus($id: ID!) { user(id: $id) { id status } }`));
