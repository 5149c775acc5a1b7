/**
 * Operations of trusted browsers and new-device alerts (API.md Part 2, "Browser sessions,
 * active sessions, trusted devices"), typed by `npm run codegen` like ./operations.ts.
 */
import { typed } from './gql';
import { graphql } from './generated';

export const DEVICE_LOGIN = typed(graphql(`
  mutation DeviceLogin($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      __typename
      ... on AuthSession { token }
      ... on TwoFactorChallenge { challengeToken methods }
    }
  }
`));
export const VERIFY_REMEMBER = typed(graphql(`
  mutation VerifyRemember($challengeToken: String!, $method: TwoFactorMethod!, $code: String!, $rememberDevice: Boolean) {
    verifyCode(challengeToken: $challengeToken, method: $method, code: $code, rememberDevice: $rememberDevice) { token }
  }
`));
export const MY_TRUSTED_DEVICES = typed(graphql(`
  query MyTrustedDevices { myTrustedDevices { id createdAt lastUsedAt expiresAt browser os ip current } }
`));
export const REVOKE_TRUSTED_DEVICE = typed(graphql(`
  mutation RevokeTrustedDevice($id: ID!) { revokeTrustedDevice(id: $id) }
`));
export const REVOKE_ALL_TRUSTED_DEVICES = typed(graphql(`
  mutation RevokeAllTrustedDevices { revokeAllTrustedDevices }
`));
