/**
 * Operations of trusted browsers: "Remember this browser" on the 2FA step of the login page and
 * the "Trusted browsers" section of User settings.
 */
import { graphql } from './gql';

export const VERIFY_CODE_REMEMBER = graphql(`
  mutation VerifyCodeRemember($challengeToken: String!, $method: TwoFactorMethod!, $code: String!, $rememberDevice: Boolean) {
    verifyCode(challengeToken: $challengeToken, method: $method, code: $code, rememberDevice: $rememberDevice) { __typename ...Session }
  }
`);
export const TRUSTED_DEVICES = graphql(`
  query TrustedBrowsers { myTrustedDevices { id createdAt lastUsedAt expiresAt browser os ip current } }
`);
export const REVOKE_TRUSTED_DEVICE = graphql(`
  mutation ForgetTrustedBrowser($id: ID!) { revokeTrustedDevice(id: $id) }
`);
export const REVOKE_ALL_TRUSTED_DEVICES = graphql(`
  mutation ForgetAllTrustedBrowsers { revokeAllTrustedDevices }
`);
