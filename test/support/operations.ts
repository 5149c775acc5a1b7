/** Named GraphQL operations shared by the e2e tests. */
export const LOGIN = `mutation Login($email: String!, $password: String!) {
  login(email: $email, password: $password) {
    __typename
    ... on AuthSession { token expiresAt user { id email role } }
    ... on TwoFactorChallenge { challengeToken methods expiresAt }
  }
}`;
export const ME = `query Me { me { id email displayName role createdAt lastLoginAt } }`;
export const LOGOUT = `mutation Logout { logout }`;
export const CREATE_USER = `mutation CreateUser($input: CreateUserInput!) {
  createUser(input: $input) { id email displayName role createdAt }
}`;
export const CHANGE_PASSWORD = `mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
  changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
}`;

const SECURITY = `security {
  twoFactorEnabled lastTwoFactorAt lockedUntil
  email { enabled enabledAt } totp { enabled enabledAt }
  backupCodes { total remaining generatedAt }
}`;
export const MY_SECURITY = `query MySecurity { me { id ${SECURITY} } }`;
export const SETUP_EMAIL = `mutation SetupEmail { setupEmailTwoFactor { sentTo expiresAt } }`;
export const CONFIRM_EMAIL = `mutation ConfirmEmail($code: String!) {
  confirmEmailTwoFactor(code: $code) { backupCodes user { id ${SECURITY} } }
}`;
export const DISABLE_EMAIL = `mutation DisableEmail { disableEmailTwoFactor { id ${SECURITY} } }`;
export const ENABLE_TOTP = `mutation EnableTotp { enableTotp { secret otpauthUrl qrCodeDataUrl } }`;
export const CONFIRM_TOTP = `mutation ConfirmTotp($code: String!) {
  confirmTotp(code: $code) { backupCodes user { id ${SECURITY} } }
}`;
export const DISABLE_TOTP = `mutation DisableTotp { disableTotp { id ${SECURITY} } }`;
export const BACKUP_CODES = `query BackupCodes { backupCodes { code used } }`;
export const REGENERATE = `mutation Regenerate { regenerateBackupCodes }`;
export const SEND_LOGIN_CODE = `mutation SendLoginCode($challengeToken: String!) {
  sendLoginCode(challengeToken: $challengeToken) { sentTo expiresAt }
}`;
export const VERIFY_CODE = `mutation VerifyCode($challengeToken: String!, $method: TwoFactorMethod!, $code: String!) {
  verifyCode(challengeToken: $challengeToken, method: $method, code: $code) { token expiresAt user { id email } }
}`;
export const REAUTH = `mutation Reauth($password: String, $method: TwoFactorMethod, $code: String) {
  reauthenticate(password: $password, method: $method, code: $code)
}`;
export const SEND_REAUTH_CODE = `mutation SendReauthCode { sendReauthenticationCode { sentTo expiresAt } }`;
export const MY_EVENTS = `query MyEvents($first: Int, $after: String) {
  mySecurityEvents(first: $first, after: $after) {
    edges { cursor node { id type createdAt detail ip userAgent user { id } actor { id } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

export const USERS = `query Users($search: String, $twoFactorEnabled: Boolean, $method: EnabledMethodFilter, $locked: Boolean, $backupCodesRemainingAtMost: Int, $first: Int, $after: String) {
  users(search: $search, twoFactorEnabled: $twoFactorEnabled, method: $method, locked: $locked, backupCodesRemainingAtMost: $backupCodesRemainingAtMost, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id email displayName ${SECURITY} } }
  }
}`;
export const USER = `query User($id: ID!) { user(id: $id) { id email ${SECURITY} } }`;
export const SECURITY_EVENTS = `query Events($userId: ID, $first: Int, $after: String) {
  securityEvents(userId: $userId, first: $first, after: $after) {
    edges { cursor node { id type detail createdAt user { id } actor { id email } } }
    pageInfo { hasNextPage endCursor }
  }
}`;
export const RESET_2FA = `mutation Reset($userId: ID!, $reason: String!) { resetTwoFactor(userId: $userId, reason: $reason) { id ${SECURITY} } }`;
export const UNLOCK = `mutation Unlock($userId: ID!) { unlockAccount(userId: $userId) { id ${SECURITY} } }`;
export const OVERVIEW = `query Overview { securityOverview { users twoFactorEnabled emailEnabled totpEnabled lockedNow lowBackupCodes } }`;
