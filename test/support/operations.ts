/**
 * Named GraphQL operations shared by the e2e tests, as typed documents: `npm run codegen` generates
 * their result and variables types into ./generated from schema.gql, so `client.ok(ME)` returns
 * the `Me` result and a renamed field fails type-checking instead of a test run. `typed(...)` keeps
 * each one a plain query string (see ./gql.ts). Fragments shared with the web pages
 * (`SecurityState`, `Session`, `LoginOutcome`, `ProviderConfig`) are in graphql/fragments.graphql.
 */
import { typed } from './gql';
import { graphql } from './generated';

export const LOGIN = typed(graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) { ...LoginOutcome }
  }
`));
export const ME = typed(graphql(`query Me { me { id email displayName role createdAt lastLoginAt } }`));
export const LOGOUT = typed(graphql(`mutation Logout { logout }`));
export const CREATE_USER = typed(graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) { id email displayName role createdAt }
  }
`));
export const CHANGE_PASSWORD = typed(graphql(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
  }
`));

export const MY_SECURITY = typed(graphql(`query MySecurity { me { id security { ...SecurityState } } }`));
export const SETUP_EMAIL = typed(graphql(`mutation SetupEmail { setupEmailTwoFactor { sentTo expiresAt } }`));
export const CONFIRM_EMAIL = typed(graphql(`
  mutation ConfirmEmail($code: String!) {
    confirmEmailTwoFactor(code: $code) { backupCodes user { id security { ...SecurityState } } }
  }
`));
export const DISABLE_EMAIL = typed(graphql(`mutation DisableEmail { disableEmailTwoFactor { id security { ...SecurityState } } }`));
export const ENABLE_TOTP = typed(graphql(`mutation EnableTotp { enableTotp { secret otpauthUrl qrCodeDataUrl } }`));
export const CONFIRM_TOTP = typed(graphql(`
  mutation ConfirmTotp($code: String!) {
    confirmTotp(code: $code) { backupCodes user { id security { ...SecurityState } } }
  }
`));
export const DISABLE_TOTP = typed(graphql(`mutation DisableTotp { disableTotp { id security { ...SecurityState } } }`));
export const BACKUP_CODES = typed(graphql(`query BackupCodes { backupCodes { code used } }`));
export const REGENERATE = typed(graphql(`mutation Regenerate { regenerateBackupCodes }`));
export const SEND_LOGIN_CODE = typed(graphql(`
  mutation SendLoginCode($challengeToken: String!) {
    sendLoginCode(challengeToken: $challengeToken) { sentTo expiresAt }
  }
`));
export const VERIFY_CODE = typed(graphql(`
  mutation VerifyCode($challengeToken: String!, $method: TwoFactorMethod!, $code: String!) {
    verifyCode(challengeToken: $challengeToken, method: $method, code: $code) { ...Session }
  }
`));
export const REAUTH = typed(graphql(`
  mutation Reauth($password: String, $method: TwoFactorMethod, $code: String) {
    reauthenticate(password: $password, method: $method, code: $code)
  }
`));
export const SEND_REAUTH_CODE = typed(graphql(`mutation SendReauthCode { sendReauthenticationCode { sentTo expiresAt } }`));
export const MY_EVENTS = typed(graphql(`
  query MyEvents($first: Int, $after: String) {
    mySecurityEvents(first: $first, after: $after) {
      edges { cursor node { id type createdAt detail ip userAgent user { id } actor { id } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`));

export const USERS = typed(graphql(`
  query Users($search: String, $twoFactorEnabled: Boolean, $method: EnabledMethodFilter, $locked: Boolean, $backupCodesRemainingAtMost: Int, $first: Int, $after: String) {
    users(search: $search, twoFactorEnabled: $twoFactorEnabled, method: $method, locked: $locked, backupCodesRemainingAtMost: $backupCodesRemainingAtMost, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { id email displayName security { ...SecurityState } } }
    }
  }
`));
export const USER = typed(graphql(`query User($id: ID!) { user(id: $id) { id email security { ...SecurityState } } }`));
export const SECURITY_EVENTS = typed(graphql(`
  query Events($userId: ID, $first: Int, $after: String) {
    securityEvents(userId: $userId, first: $first, after: $after) {
      edges { cursor node { id type detail createdAt user { id } actor { id email } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`));
export const RESET_2FA = typed(graphql(`
  mutation Reset($userId: ID!, $reason: String!) { resetTwoFactor(userId: $userId, reason: $reason) { id security { ...SecurityState } } }
`));
export const UNLOCK = typed(graphql(`mutation Unlock($userId: ID!) { unlockAccount(userId: $userId) { id security { ...SecurityState } } }`));
export const OVERVIEW = typed(graphql(`
  query Overview { securityOverview { users twoFactorEnabled emailEnabled totpEnabled lockedNow lowBackupCodes } }
`));
