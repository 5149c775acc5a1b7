/**
 * Operations of the sign-in step and the "send a code" component (send-code.ts), with what the
 * pages need to be honest about the limits (issue 15): when the next code may be sent, and how
 * many backup codes a backup-code sign-in left. Typed documents, see ops.ts.
 */
import { graphql } from './gql';

export const VERIFY_SIGN_IN_CODE = graphql(`
  mutation VerifySignInCode($challengeToken: String!, $method: TwoFactorMethod!, $code: String!, $rememberDevice: Boolean) {
    verifyCode(challengeToken: $challengeToken, method: $method, code: $code, rememberDevice: $rememberDevice) { __typename ...Session backupCodesRemaining }
  }
`);
export const SEND_SIGN_IN_CODE = graphql(`
  mutation SendSignInCode($challengeToken: String!) { sendLoginCode(challengeToken: $challengeToken) { sentTo expiresAt resendAvailableAt } }
`);
export const SEND_SETUP_CODE = graphql(`mutation SendSetupCode { setupEmailTwoFactor { sentTo expiresAt resendAvailableAt } }`);
export const SEND_REAUTH_EMAIL_CODE = graphql(`mutation SendReauthEmailCode { sendReauthenticationCode { sentTo expiresAt resendAvailableAt } }`);
