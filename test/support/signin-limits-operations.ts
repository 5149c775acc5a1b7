/**
 * Operations of test/signin-limits.e2e-spec.ts (issue 15, "Limits that mislead"): the fields the
 * pages read to be honest about the limits. Typed documents, see ./operations.ts.
 */
import { typed } from './gql';
import { graphql } from './generated';

export const VERIFY_CODE_LIMITS = typed(graphql(`
  mutation VerifyCodeLimits($challengeToken: String!, $method: TwoFactorMethod!, $code: String!) {
    verifyCode(challengeToken: $challengeToken, method: $method, code: $code) { token backupCodesRemaining }
  }
`));
export const SEND_LOGIN_CODE_LIMITS = typed(graphql(`
  mutation SendLoginCodeLimits($challengeToken: String!) { sendLoginCode(challengeToken: $challengeToken) { sentTo expiresAt resendAvailableAt } }
`));
export const SETUP_EMAIL_LIMITS = typed(graphql(`mutation SetupEmailLimits { setupEmailTwoFactor { sentTo expiresAt resendAvailableAt } }`));
export const REAUTH_CODE_LIMITS = typed(graphql(`mutation SendReauthCodeLimits { sendReauthenticationCode { sentTo expiresAt resendAvailableAt } }`));
