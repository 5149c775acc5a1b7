/** The GraphQL operations of the pages (names as in API.md), with their result types. */
export type Method = 'EMAIL' | 'TOTP' | 'BACKUP_CODE';
export type ProviderKind = 'GOOGLE' | 'OFFICE365' | 'OIDC';

export interface MethodState { enabled: boolean; enabledAt: string | null }
export interface Security {
  twoFactorEnabled: boolean;
  email: MethodState;
  totp: MethodState;
  backupCodes: { total: number; remaining: number; generatedAt: string | null };
  lastTwoFactorAt: string | null;
  lockedUntil: string | null;
}
export interface User {
  id: string;
  email: string;
  displayName: string;
  role: 'AGENT' | 'ADMIN';
  createdAt: string;
  lastLoginAt: string | null;
  security: Security;
}
export interface SsoProvider { id: string; kind: ProviderKind; displayName: string }
export interface SsoConnection { provider: SsoProvider; email: string | null; emailVerified?: boolean; linkedAt: string }
/** `ssoTicket`: which identity a bind ticket would connect (only in the browser that ran the flow). */
export interface SsoTicketInfo { provider: SsoProvider; email: string | null; emailVerified: boolean }
export interface AuthSession { __typename: 'AuthSession'; token: string; expiresAt: string; user: { id: string; role: string } }
export interface Challenge { __typename: 'TwoFactorChallenge'; challengeToken: string; methods: Method[]; expiresAt: string }
export type LoginResult = AuthSession | Challenge;
export interface CodeDelivery { sentTo: string; expiresAt: string }
export interface SecurityEvent {
  id: string; type: string; createdAt: string; ip: string | null; userAgent: string | null; detail: string | null;
  actor: { id: string; displayName: string; email?: string } | null;
}
export interface PageInfo { hasNextPage: boolean; endCursor: string | null }
export interface Connection<T> { edges: Array<{ cursor: string; node: T }>; pageInfo: PageInfo; totalCount?: number }
export interface SsoProviderConfig extends SsoProvider {
  clientId: string; issuer: string; tenant: string | null; allowedTenants: string[]; enabled: boolean; requireTwoFactor: boolean; redirectUri: string;
}

const SECURITY = `security {
  twoFactorEnabled lastTwoFactorAt lockedUntil
  email { enabled enabledAt } totp { enabled enabledAt }
  backupCodes { total remaining generatedAt }
}`;
const USER = `id email displayName role createdAt lastLoginAt ${SECURITY}`;
const LOGIN_RESULT = `__typename
  ... on AuthSession { token expiresAt user { id role } }
  ... on TwoFactorChallenge { challengeToken methods expiresAt }`;
// API.md Part 2: an agent may read only `actor { id displayName }` of events it did not cause
// (asking for more is FORBIDDEN); the admin console also reads the actor's email.
const MY_EVENT = `id type createdAt ip userAgent detail actor { id displayName }`;
const EVENT = `id type createdAt ip userAgent detail actor { id displayName email }`;

export const ME = `query Me { me { ${USER} } }`;
export const SSO_PROVIDERS = `query SsoProviders { ssoProviders { id kind displayName } }`;
export const MY_SSO = `query MySso {
  ssoProviders { id kind displayName }
  me { id security { ssoConnections { provider { id kind displayName } email emailVerified linkedAt } } }
}`;

export const LOGIN = `mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { ${LOGIN_RESULT} } }`;
export const SEND_LOGIN_CODE = `mutation SendLoginCode($challengeToken: String!) { sendLoginCode(challengeToken: $challengeToken) { sentTo expiresAt } }`;
export const VERIFY_CODE = `mutation VerifyCode($challengeToken: String!, $method: TwoFactorMethod!, $code: String!) {
  verifyCode(challengeToken: $challengeToken, method: $method, code: $code) { __typename token expiresAt user { id role } }
}`;
export const COMPLETE_SSO = `mutation CompleteSsoLogin($ticket: String!) { completeSsoLogin(ticket: $ticket) { ${LOGIN_RESULT} } }`;
export const SSO_TICKET = `query SsoTicket($ticket: String!) { ssoTicket(ticket: $ticket) { provider { id kind displayName } email emailVerified } }`;
export const BIND_SSO = `mutation BindSsoAccount($ticket: String!, $email: String!, $password: String!) {
  bindSsoAccount(ticket: $ticket, email: $email, password: $password) { ${LOGIN_RESULT} }
}`;
export const LOGOUT = `mutation Logout { logout }`;

export const SETUP_EMAIL = `mutation SetupEmailTwoFactor { setupEmailTwoFactor { sentTo expiresAt } }`;
export const CONFIRM_EMAIL = `mutation ConfirmEmailTwoFactor($code: String!) { confirmEmailTwoFactor(code: $code) { backupCodes user { ${USER} } } }`;
export const DISABLE_EMAIL = `mutation DisableEmailTwoFactor { disableEmailTwoFactor { ${USER} } }`;
export const ENABLE_TOTP = `mutation EnableTotp { enableTotp { secret otpauthUrl qrCodeDataUrl } }`;
export const CONFIRM_TOTP = `mutation ConfirmTotp($code: String!) { confirmTotp(code: $code) { backupCodes user { ${USER} } } }`;
export const DISABLE_TOTP = `mutation DisableTotp { disableTotp { ${USER} } }`;
export const BACKUP_CODES = `query BackupCodes { backupCodes { code used } }`;
export const REGENERATE = `mutation RegenerateBackupCodes { regenerateBackupCodes }`;
export const REAUTH = `mutation Reauthenticate($password: String, $method: TwoFactorMethod, $code: String) {
  reauthenticate(password: $password, method: $method, code: $code)
}`;
export const SEND_REAUTH_CODE = `mutation SendReauthenticationCode { sendReauthenticationCode { sentTo expiresAt } }`;
export const LINK = `mutation LinkProvider($providerId: ID!) { linkProvider(providerId: $providerId) { authorizationUrl } }`;
export const UNLINK = `mutation UnlinkProvider($providerId: ID!) { unlinkProvider(providerId: $providerId) { id } }`;
export const MY_EVENTS = `query MySecurityEvents($first: Int, $after: String) {
  mySecurityEvents(first: $first, after: $after) { edges { cursor node { ${MY_EVENT} } } pageInfo { hasNextPage endCursor } }
}`;

export const OVERVIEW = `query SecurityOverview { securityOverview { users twoFactorEnabled emailEnabled totpEnabled lockedNow lowBackupCodes } }`;
export const USERS = `query Users($search: String, $twoFactorEnabled: Boolean, $method: EnabledMethodFilter, $locked: Boolean, $backupCodesRemainingAtMost: Int, $first: Int, $after: String) {
  users(search: $search, twoFactorEnabled: $twoFactorEnabled, method: $method, locked: $locked, backupCodesRemainingAtMost: $backupCodesRemainingAtMost, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${USER} } }
  }
}`;
export const USER_DETAIL = `query UserDetail($id: ID!) { user(id: $id) { ${USER} } }`;
export const USER_SSO = `query UserSso($id: ID!) { user(id: $id) { id security { ssoConnections { provider { id kind displayName } email emailVerified linkedAt } } } }`;
export const USER_EVENTS = `query UserEvents($userId: ID, $first: Int, $after: String) {
  securityEvents(userId: $userId, first: $first, after: $after) { edges { cursor node { ${EVENT} } } pageInfo { hasNextPage endCursor } }
}`;
export const RESET_2FA = `mutation ResetTwoFactor($userId: ID!, $reason: String!, $unlinkSso: Boolean) {
  resetTwoFactor(userId: $userId, reason: $reason, unlinkSso: $unlinkSso) { ${USER} }
}`;
export const UNLINK_USER_PROVIDER = `mutation UnlinkUserProvider($userId: ID!, $providerId: ID!, $reason: String!) {
  unlinkUserProvider(userId: $userId, providerId: $providerId, reason: $reason) { id }
}`;
export const UNLOCK = `mutation UnlockAccount($userId: ID!) { unlockAccount(userId: $userId) { ${USER} } }`;
const PROVIDER_CONFIG = `id kind displayName clientId issuer tenant allowedTenants enabled requireTwoFactor redirectUri`;
export const ADMIN_SSO = `query AdminSsoProviders { adminSsoProviders { ${PROVIDER_CONFIG} } }`;
export const CONFIGURE_SSO = `mutation ConfigureSsoProvider($input: SsoProviderInput!) { configureSsoProvider(input: $input) { ${PROVIDER_CONFIG} } }`;
export const REMOVE_SSO = `mutation RemoveSsoProvider($id: ID!) { removeSsoProvider(id: $id) }`;
