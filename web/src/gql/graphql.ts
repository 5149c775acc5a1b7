/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type CreateUserInput = {
  displayName: string;
  email: string;
  password: string;
  role?: Role | null | undefined;
};

export type EnabledMethodFilter =
  | 'EMAIL'
  | 'TOTP'
  | 'WEBAUTHN';

export type InviteUserInput = {
  displayName: string;
  email: string;
  role?: Role | null | undefined;
};

export type OrderDirection =
  | 'ASC'
  | 'DESC';

export type Role =
  | 'ADMIN'
  | 'AGENT';

export type SecurityPolicyInput = {
  allowedMethods?: Array<TwoFactorMethod> | null | undefined;
  /** true: no idle limit (sessionIdleMinutes null) */
  clearSessionIdle?: boolean | null | undefined;
  gracePeriodDays?: number | null | undefined;
  phishingResistantFor?: Array<Role> | null | undefined;
  requireTwoFactor?: Array<Role> | null | undefined;
  sessionIdleMinutes?: number | null | undefined;
  sessionMaxHours?: number | null | undefined;
  trustedDeviceDays?: number | null | undefined;
};

/** How a session was opened */
export type SignInMethod =
  | 'PASSKEY'
  | 'PASSWORD'
  | 'SSO'
  | 'TRUSTED_DEVICE'
  | 'TWO_FACTOR';

export type SsoProviderInput = {
  /** OFFICE365 with common/organizations: accept only these tids (empty: any) */
  allowedTenants?: Array<string> | null | undefined;
  clientId: string;
  /** required on create; absent on update keeps the stored one */
  clientSecret?: string | null | undefined;
  displayName: string;
  /** true: enabled if its discovery document answers at save time; else saved disabled with `discoveryProblem` */
  enabled?: boolean | null | undefined;
  /** absent: create; present: update */
  id?: string | null | undefined;
  /** GOOGLE: https://accounts.google.com; OFFICE365: from tenant; OIDC: required. https only, except loopback hosts. */
  issuer?: string | null | undefined;
  kind: SsoProviderKind;
  /** create only: the id to create the provider with, from `ssoProviderDraft` (its redirect URI was shown before saving) */
  newId?: string | null | undefined;
  /** true (default): SSO login also asks for the account's own 2FA */
  requireTwoFactor?: boolean | null | undefined;
  /** OFFICE365 only: common | organizations | a tenant id */
  tenant?: string | null | undefined;
};

export type SsoProviderKind =
  | 'GOOGLE'
  | 'OFFICE365'
  | 'OIDC';

export type TwoFactorMethod =
  | 'BACKUP_CODE'
  | 'EMAIL'
  | 'TOTP'
  | 'WEBAUTHN';

/** how the admin list is sorted; the id breaks ties in the same direction */
export type UserOrder = {
  direction: OrderDirection;
  /** LAST_LOGIN_AT: accounts that never signed in sort below every date */
  field: UserOrderField;
};

export type UserOrderField =
  | 'CREATED_AT'
  | 'DISPLAY_NAME'
  | 'EMAIL'
  | 'LAST_LOGIN_AT';

export type UserStatus =
  | 'ACTIVE'
  | 'DEACTIVATED'
  | 'INVITED';

export type SecurityStateFragment = { twoFactorEnabled: boolean, lastTwoFactorAt: string | null, lockedUntil: string | null, email: { enabled: boolean, enabledAt: string | null }, totp: { enabled: boolean, enabledAt: string | null }, backupCodes: { total: number, remaining: number, generatedAt: string | null } };

export type SessionFragment = { token: string, expiresAt: string, user: { id: string, email: string, role: Role } };

type LoginOutcome_AuthSession_Fragment = { __typename: 'AuthSession', token: string, expiresAt: string, user: { id: string, email: string, role: Role } };

type LoginOutcome_TwoFactorChallenge_Fragment = { __typename: 'TwoFactorChallenge', challengeToken: string, methods: Array<TwoFactorMethod>, expiresAt: string, attemptsLeft: number, lockedUntil: string | null };

export type LoginOutcomeFragment =
  | LoginOutcome_AuthSession_Fragment
  | LoginOutcome_TwoFactorChallenge_Fragment
;

export type ProviderConfigFragment = { id: string, kind: SsoProviderKind, displayName: string, clientId: string, issuer: string, tenant: string | null, allowedTenants: Array<string>, enabled: boolean, requireTwoFactor: boolean, redirectUri: string, discoveryProblem: string | null, linkedAccounts: number };

export type ResetPreviewQueryVariables = Exact<{
  id: string;
}>;


export type ResetPreviewQuery = { user: { id: string, email: string, displayName: string, role: Role, createdAt: string, lastLoginAt: string | null, security: { twoFactorEnabled: boolean, lastTwoFactorAt: string | null, lockedUntil: string | null, ssoConnections: Array<{ email: string | null, emailVerified: boolean, linkedAt: string, provider: { id: string, kind: SsoProviderKind, displayName: string } }>, webauthn: { enabled: boolean, enabledAt: string | null }, webauthnCredentials: Array<{ id: string, name: string, createdAt: string, lastUsedAt: string | null, passkey: boolean }>, email: { enabled: boolean, enabledAt: string | null }, totp: { enabled: boolean, enabledAt: string | null }, backupCodes: { total: number, remaining: number, generatedAt: string | null } } } | null, userSessions: Array<{ id: string }> };

export type VerifyCodeRememberMutationVariables = Exact<{
  challengeToken: string;
  method: TwoFactorMethod;
  code: string;
  rememberDevice?: boolean | null | undefined;
}>;


export type VerifyCodeRememberMutation = { verifyCode: { __typename: 'AuthSession', token: string, expiresAt: string, user: { id: string, email: string, role: Role } } };

export type TrustedBrowsersQueryVariables = Exact<{ [key: string]: never; }>;


export type TrustedBrowsersQuery = { myTrustedDevices: Array<{ id: string, createdAt: string, lastUsedAt: string | null, expiresAt: string, browser: string | null, os: string | null, ip: string | null, current: boolean }> };

export type ForgetTrustedBrowserMutationVariables = Exact<{
  id: string;
}>;


export type ForgetTrustedBrowserMutation = { revokeTrustedDevice: boolean };

export type ForgetAllTrustedBrowsersMutationVariables = Exact<{ [key: string]: never; }>;


export type ForgetAllTrustedBrowsersMutation = { revokeAllTrustedDevices: number };

export type ChangeMyPasswordMutationVariables = Exact<{
  currentPassword: string;
  newPassword: string;
}>;


export type ChangeMyPasswordMutation = { changePassword: boolean };

export type DeactivateAccountMutationVariables = Exact<{
  userId: string;
  reason: string;
}>;


export type DeactivateAccountMutation = { deactivateUser: { status: UserStatus, id: string, email: string, displayName: string, role: Role, createdAt: string, lastLoginAt: string | null, security: { twoFactorEnabled: boolean, lastTwoFactorAt: string | null, lockedUntil: string | null, webauthn: { enabled: boolean, enabledAt: string | null }, webauthnCredentials: Array<{ id: string, name: string, createdAt: string, lastUsedAt: string | null, passkey: boolean }>, email: { enabled: boolean, enabledAt: string | null }, totp: { enabled: boolean, enabledAt: string | null }, backupCodes: { total: number, remaining: number, generatedAt: string | null } } } };

export type ReactivateAccountMutationVariables = Exact<{
  userId: string;
}>;


export type ReactivateAccountMutation = { reactivateUser: { status: UserStatus, id: string, email: string, displayName: string, role: Role, createdAt: string, lastLoginAt: string | null, security: { twoFactorEnabled: boolean, lastTwoFactorAt: string | null, lockedUntil: string | null, webauthn: { enabled: boolean, enabledAt: string | null }, webauthnCredentials: Array<{ id: string, name: string, createdAt: string, lastUsedAt: string | null, passkey: boolean }>, email: { enabled: boolean, enabledAt: string | null }, totp: { enabled: boolean, enabledAt: string | null }, backupCodes: { total: number, remaining: number, generatedAt: string | null } } } };

export type ChangeRoleMutationVariables = Exact<{
  userId: string;
  role: Role;
}>;


export type ChangeRoleMutation = { setUserRole: { status: UserStatus, id: string, email: string, displayName: string, role: Role, createdAt: string, lastLoginAt: string | null, security: { twoFactorEnabled: boolean, lastTwoFactorAt: string | null, lockedUntil: string | null, webauthn: { enabled: boolean, enabledAt: string | null }, webauthnCredentials: Array<{ id: string, name: string, createdAt: string, lastUsedAt: string | null, passkey: boolean }>, email: { enabled: boolean, enabledAt: string | null }, totp: { enabled: boolean, enabledAt: string | null }, backupCodes: { total: number, remaining: number, generatedAt: string | null } } } };

export type UserLifecycleQueryVariables = Exact<{
  id: string;
}>;


export type UserLifecycleQuery = { user: { id: string, status: UserStatus, role: Role } | null };

export type BeginWebAuthnRegistrationMutationVariables = Exact<{ [key: string]: never; }>;


export type BeginWebAuthnRegistrationMutation = { beginWebAuthnRegistration: string };

export type FinishWebAuthnRegistrationMutationVariables = Exact<{
  response: string;
  name: string;
}>;


export type FinishWebAuthnRegistrationMutation = { finishWebAuthnRegistration: { backupCodes: Array<string> | null, user: { id: string, email: string, displayName: string, role: Role, createdAt: string, lastLoginAt: string | null, security: { twoFactorEnabled: boolean, lastTwoFactorAt: string | null, lockedUntil: string | null, webauthn: { enabled: boolean, enabledAt: string | null }, webauthnCredentials: Array<{ id: string, name: string, createdAt: string, lastUsedAt: string | null, passkey: boolean }>, email: { enabled: boolean, enabledAt: string | null }, totp: { enabled: boolean, enabledAt: string | null }, backupCodes: { total: number, remaining: number, generatedAt: string | null } } } } };

export type RenameWebAuthnCredentialMutationVariables = Exact<{
  id: string;
  name: string;
}>;


export type RenameWebAuthnCredentialMutation = { renameWebAuthnCredential: { id: string, name: string } };

export type RemoveWebAuthnCredentialMutationVariables = Exact<{
  id: string;
}>;


export type RemoveWebAuthnCredentialMutation = { removeWebAuthnCredential: { id: string, email: string, displayName: string, role: Role, createdAt: string, lastLoginAt: string | null, security: { twoFactorEnabled: boolean, lastTwoFactorAt: string | null, lockedUntil: string | null, webauthn: { enabled: boolean, enabledAt: string | null }, webauthnCredentials: Array<{ id: string, name: string, createdAt: string, lastUsedAt: string | null, passkey: boolean }>, email: { enabled: boolean, enabledAt: string | null }, totp: { enabled: boolean, enabledAt: string | null }, backupCodes: { total: number, remaining: number, generatedAt: string | null } } } };

export type BeginWebAuthnChallengeMutationVariables = Exact<{
  challengeToken: string;
}>;


export type BeginWebAuthnChallengeMutation = { beginWebAuthnChallenge: string };

export type BeginWebAuthnReauthenticationMutationVariables = Exact<{ [key: string]: never; }>;


export type BeginWebAuthnReauthenticationMutation = { beginWebAuthnReauthentication: string };

export type BeginPasskeyLoginMutationVariables = Exact<{ [key: string]: never; }>;


export type BeginPasskeyLoginMutation = { beginPasskeyLogin: { loginToken: string, options: string } };

export type FinishPasskeyLoginMutationVariables = Exact<{
  loginToken: string;
  response: string;
}>;


export type FinishPasskeyLoginMutation = { finishPasskeyLogin: { __typename: 'AuthSession', enrollmentRequired: boolean, user: { id: string } } };

export type PolicyPageQueryVariables = Exact<{ [key: string]: never; }>;


export type PolicyPageQuery = { securityPolicy: { requireTwoFactor: Array<Role>, gracePeriodDays: number, allowedMethods: Array<TwoFactorMethod>, phishingResistantFor: Array<Role>, sessionIdleMinutes: number | null, sessionMaxHours: number, trustedDeviceDays: number, updatedAt: string | null, updatedBy: { displayName: string, email: string } | null } };

export type SaveSecurityPolicyMutationVariables = Exact<{
  input: SecurityPolicyInput;
}>;


export type SaveSecurityPolicyMutation = { updateSecurityPolicy: { requireTwoFactor: Array<Role>, gracePeriodDays: number, allowedMethods: Array<TwoFactorMethod>, phishingResistantFor: Array<Role>, sessionIdleMinutes: number | null, sessionMaxHours: number, trustedDeviceDays: number, updatedAt: string | null, updatedBy: { displayName: string, email: string } | null } };

export type PolicyImpactQueryVariables = Exact<{
  input: SecurityPolicyInput;
}>;


export type PolicyImpactQuery = { securityPolicyImpact: { nonCompliant: number, restrictedAtOnce: number, deadline: string | null } };

export type MyEnrollmentStateQueryVariables = Exact<{ [key: string]: never; }>;


export type MyEnrollmentStateQuery = { me: { id: string, security: { twoFactorRequired: boolean, enrollmentDeadline: string | null } } };

export type ConsoleOverviewQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleOverviewQuery = { securityOverview: { users: number, twoFactorEnabled: number, emailEnabled: number, totpEnabled: number, webauthnEnabled: number, lockedNow: number, lowBackupCodes: number, nonCompliant: number, inGracePeriod: number, deactivated: number, invited: number } };

export type ConsoleUsersQueryVariables = Exact<{
  search?: string | null | undefined;
  twoFactorEnabled?: boolean | null | undefined;
  method?: EnabledMethodFilter | null | undefined;
  locked?: boolean | null | undefined;
  backupCodesRemainingAtMost?: number | null | undefined;
  status?: UserStatus | null | undefined;
  twoFactorCompliant?: boolean | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  orderBy?: UserOrder | null | undefined;
}>;


export type ConsoleUsersQuery = { users: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { status: UserStatus, id: string, email: string, displayName: string, role: Role, createdAt: string, lastLoginAt: string | null, security: { twoFactorRequired: boolean, enrollmentDeadline: string | null, twoFactorEnabled: boolean, lastTwoFactorAt: string | null, lockedUntil: string | null, webauthn: { enabled: boolean, enabledAt: string | null }, webauthnCredentials: Array<{ id: string, name: string, createdAt: string, lastUsedAt: string | null, passkey: boolean }>, email: { enabled: boolean, enabledAt: string | null }, totp: { enabled: boolean, enabledAt: string | null }, backupCodes: { total: number, remaining: number, generatedAt: string | null } } } }> } };

export type RequestPasswordResetMutationVariables = Exact<{
  email: string;
}>;


export type RequestPasswordResetMutation = { requestPasswordReset: boolean };

export type ResetPasswordMutationVariables = Exact<{
  token: string;
  newPassword: string;
}>;


export type ResetPasswordMutation = { resetPassword:
    | { __typename: 'AuthSession', token: string, expiresAt: string, user: { id: string, email: string, role: Role } }
    | { __typename: 'TwoFactorChallenge', challengeToken: string, methods: Array<TwoFactorMethod>, expiresAt: string, attemptsLeft: number, lockedUntil: string | null }
   };

export type InviteUserMutationVariables = Exact<{
  input: InviteUserInput;
}>;


export type InviteUserMutation = { inviteUser: { id: string, email: string, displayName: string, role: Role } };

export type CreateUserWithPasswordMutationVariables = Exact<{
  input: CreateUserInput;
}>;


export type CreateUserWithPasswordMutation = { createUser: { id: string, email: string, displayName: string, role: Role } };

export type ResendInviteMutationVariables = Exact<{
  userId: string;
}>;


export type ResendInviteMutation = { resendInvite: boolean };

export type SendPasswordResetMutationVariables = Exact<{
  userId: string;
}>;


export type SendPasswordResetMutation = { sendPasswordReset: boolean };

export type SignedInSessionsQueryVariables = Exact<{ [key: string]: never; }>;


export type SignedInSessionsQuery = { mySessions: Array<{ id: string, createdAt: string, lastSeenAt: string, browser: string | null, os: string | null, ip: string | null, signedInWith: SignInMethod, current: boolean }> };

export type SignOutSessionMutationVariables = Exact<{
  id: string;
}>;


export type SignOutSessionMutation = { revokeSession: boolean };

export type SignOutOtherSessionsMutationVariables = Exact<{ [key: string]: never; }>;


export type SignOutOtherSessionsMutation = { revokeOtherSessions: number };

export type UserSignedInSessionsQueryVariables = Exact<{
  userId: string;
}>;


export type UserSignedInSessionsQuery = { userSessions: Array<{ id: string, createdAt: string, lastSeenAt: string, browser: string | null, os: string | null, ip: string | null, signedInWith: SignInMethod }> };

export type SignOutUserEverywhereMutationVariables = Exact<{
  userId: string;
}>;


export type SignOutUserEverywhereMutation = { revokeUserSessions: number };

export type VerifySignInCodeMutationVariables = Exact<{
  challengeToken: string;
  method: TwoFactorMethod;
  code: string;
  rememberDevice?: boolean | null | undefined;
}>;


export type VerifySignInCodeMutation = { verifyCode: { __typename: 'AuthSession', backupCodesRemaining: number | null, token: string, expiresAt: string, user: { id: string, email: string, role: Role } } };

export type SendSignInCodeMutationVariables = Exact<{
  challengeToken: string;
}>;


export type SendSignInCodeMutation = { sendLoginCode: { sentTo: string, expiresAt: string, resendAvailableAt: string } };

export type SendSetupCodeMutationVariables = Exact<{ [key: string]: never; }>;


export type SendSetupCodeMutation = { setupEmailTwoFactor: { sentTo: string, expiresAt: string, resendAvailableAt: string } };

export type SendReauthEmailCodeMutationVariables = Exact<{ [key: string]: never; }>;


export type SendReauthEmailCodeMutation = { sendReauthenticationCode: { sentTo: string, expiresAt: string, resendAvailableAt: string } };

export type SsoProviderDraftQueryVariables = Exact<{ [key: string]: never; }>;


export type SsoProviderDraftQuery = { ssoProviderDraft: { id: string, redirectUri: string } };

export type TestSsoProviderMutationVariables = Exact<{
  id: string;
}>;


export type TestSsoProviderMutation = { testSsoProvider: { authorizationUrl: string } };

export type SsoTestResultQueryVariables = Exact<{
  ticket: string;
}>;


export type SsoTestResultQuery = { ssoTestResult: { subject: string, email: string | null, emailVerified: boolean, provider: { id: string, kind: SsoProviderKind, displayName: string } } };

export type UserFieldsFragment = { id: string, email: string, displayName: string, role: Role, createdAt: string, lastLoginAt: string | null, security: { twoFactorEnabled: boolean, lastTwoFactorAt: string | null, lockedUntil: string | null, webauthn: { enabled: boolean, enabledAt: string | null }, webauthnCredentials: Array<{ id: string, name: string, createdAt: string, lastUsedAt: string | null, passkey: boolean }>, email: { enabled: boolean, enabledAt: string | null }, totp: { enabled: boolean, enabledAt: string | null }, backupCodes: { total: number, remaining: number, generatedAt: string | null } } };

export type SsoConnectionFieldsFragment = { email: string | null, emailVerified: boolean, linkedAt: string, provider: { id: string, kind: SsoProviderKind, displayName: string } };

export type SecurityEventFieldsFragment = { id: string, type: string, createdAt: string, ip: string | null, userAgent: string | null, detail: string | null };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { id: string, email: string, displayName: string, role: Role, createdAt: string, lastLoginAt: string | null, security: { twoFactorEnabled: boolean, lastTwoFactorAt: string | null, lockedUntil: string | null, webauthn: { enabled: boolean, enabledAt: string | null }, webauthnCredentials: Array<{ id: string, name: string, createdAt: string, lastUsedAt: string | null, passkey: boolean }>, email: { enabled: boolean, enabledAt: string | null }, totp: { enabled: boolean, enabledAt: string | null }, backupCodes: { total: number, remaining: number, generatedAt: string | null } } } };

export type SsoProvidersQueryVariables = Exact<{ [key: string]: never; }>;


export type SsoProvidersQuery = { ssoProviders: Array<{ id: string, kind: SsoProviderKind, displayName: string }> };

export type MySsoQueryVariables = Exact<{ [key: string]: never; }>;


export type MySsoQuery = { ssoProviders: Array<{ id: string, kind: SsoProviderKind, displayName: string }>, me: { id: string, security: { ssoConnections: Array<{ email: string | null, emailVerified: boolean, linkedAt: string, provider: { id: string, kind: SsoProviderKind, displayName: string } }> } } };

export type LoginMutationVariables = Exact<{
  email: string;
  password: string;
}>;


export type LoginMutation = { login:
    | { __typename: 'AuthSession', token: string, expiresAt: string, user: { id: string, email: string, role: Role } }
    | { __typename: 'TwoFactorChallenge', challengeToken: string, methods: Array<TwoFactorMethod>, expiresAt: string, attemptsLeft: number, lockedUntil: string | null }
   };

export type SendLoginCodeMutationVariables = Exact<{
  challengeToken: string;
}>;


export type SendLoginCodeMutation = { sendLoginCode: { sentTo: string, expiresAt: string } };

export type VerifyCodeMutationVariables = Exact<{
  challengeToken: string;
  method: TwoFactorMethod;
  code: string;
}>;


export type VerifyCodeMutation = { verifyCode: { __typename: 'AuthSession', token: string, expiresAt: string, user: { id: string, email: string, role: Role } } };

export type CompleteSsoLoginMutationVariables = Exact<{
  ticket: string;
}>;


export type CompleteSsoLoginMutation = { completeSsoLogin:
    | { __typename: 'AuthSession', token: string, expiresAt: string, user: { id: string, email: string, role: Role } }
    | { __typename: 'TwoFactorChallenge', challengeToken: string, methods: Array<TwoFactorMethod>, expiresAt: string, attemptsLeft: number, lockedUntil: string | null }
   };

export type SsoTicketQueryVariables = Exact<{
  ticket: string;
}>;


export type SsoTicketQuery = { ssoTicket: { email: string | null, emailVerified: boolean, provider: { id: string, kind: SsoProviderKind, displayName: string } } };

export type BindSsoAccountMutationVariables = Exact<{
  ticket: string;
  email: string;
  password: string;
}>;


export type BindSsoAccountMutation = { bindSsoAccount:
    | { __typename: 'AuthSession', token: string, expiresAt: string, user: { id: string, email: string, role: Role } }
    | { __typename: 'TwoFactorChallenge', challengeToken: string, methods: Array<TwoFactorMethod>, expiresAt: string, attemptsLeft: number, lockedUntil: string | null }
   };

export type LogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type LogoutMutation = { logout: boolean };

export type SetupEmailTwoFactorMutationVariables = Exact<{ [key: string]: never; }>;


export type SetupEmailTwoFactorMutation = { setupEmailTwoFactor: { sentTo: string, expiresAt: string } };

export type ConfirmEmailTwoFactorMutationVariables = Exact<{
  code: string;
}>;


export type ConfirmEmailTwoFactorMutation = { confirmEmailTwoFactor: { backupCodes: Array<string> | null, user: { id: string, email: string, displayName: string, role: Role, createdAt: string, lastLoginAt: string | null, security: { twoFactorEnabled: boolean, lastTwoFactorAt: string | null, lockedUntil: string | null, webauthn: { enabled: boolean, enabledAt: string | null }, webauthnCredentials: Array<{ id: string, name: string, createdAt: string, lastUsedAt: string | null, passkey: boolean }>, email: { enabled: boolean, enabledAt: string | null }, totp: { enabled: boolean, enabledAt: string | null }, backupCodes: { total: number, remaining: number, generatedAt: string | null } } } } };

export type DisableEmailTwoFactorMutationVariables = Exact<{ [key: string]: never; }>;


export type DisableEmailTwoFactorMutation = { disableEmailTwoFactor: { id: string, email: string, displayName: string, role: Role, createdAt: string, lastLoginAt: string | null, security: { twoFactorEnabled: boolean, lastTwoFactorAt: string | null, lockedUntil: string | null, webauthn: { enabled: boolean, enabledAt: string | null }, webauthnCredentials: Array<{ id: string, name: string, createdAt: string, lastUsedAt: string | null, passkey: boolean }>, email: { enabled: boolean, enabledAt: string | null }, totp: { enabled: boolean, enabledAt: string | null }, backupCodes: { total: number, remaining: number, generatedAt: string | null } } } };

export type EnableTotpMutationVariables = Exact<{ [key: string]: never; }>;


export type EnableTotpMutation = { enableTotp: { secret: string, otpauthUrl: string, qrCodeDataUrl: string } };

export type ConfirmTotpMutationVariables = Exact<{
  code: string;
}>;


export type ConfirmTotpMutation = { confirmTotp: { backupCodes: Array<string> | null, user: { id: string, email: string, displayName: string, role: Role, createdAt: string, lastLoginAt: string | null, security: { twoFactorEnabled: boolean, lastTwoFactorAt: string | null, lockedUntil: string | null, webauthn: { enabled: boolean, enabledAt: string | null }, webauthnCredentials: Array<{ id: string, name: string, createdAt: string, lastUsedAt: string | null, passkey: boolean }>, email: { enabled: boolean, enabledAt: string | null }, totp: { enabled: boolean, enabledAt: string | null }, backupCodes: { total: number, remaining: number, generatedAt: string | null } } } } };

export type DisableTotpMutationVariables = Exact<{ [key: string]: never; }>;


export type DisableTotpMutation = { disableTotp: { id: string, email: string, displayName: string, role: Role, createdAt: string, lastLoginAt: string | null, security: { twoFactorEnabled: boolean, lastTwoFactorAt: string | null, lockedUntil: string | null, webauthn: { enabled: boolean, enabledAt: string | null }, webauthnCredentials: Array<{ id: string, name: string, createdAt: string, lastUsedAt: string | null, passkey: boolean }>, email: { enabled: boolean, enabledAt: string | null }, totp: { enabled: boolean, enabledAt: string | null }, backupCodes: { total: number, remaining: number, generatedAt: string | null } } } };

export type BackupCodesQueryVariables = Exact<{ [key: string]: never; }>;


export type BackupCodesQuery = { backupCodes: Array<{ code: string, used: boolean }> };

export type RegenerateBackupCodesMutationVariables = Exact<{ [key: string]: never; }>;


export type RegenerateBackupCodesMutation = { regenerateBackupCodes: Array<string> };

export type ReauthenticateMutationVariables = Exact<{
  password?: string | null | undefined;
  method?: TwoFactorMethod | null | undefined;
  code?: string | null | undefined;
}>;


export type ReauthenticateMutation = { reauthenticate: boolean };

export type SendReauthenticationCodeMutationVariables = Exact<{ [key: string]: never; }>;


export type SendReauthenticationCodeMutation = { sendReauthenticationCode: { sentTo: string, expiresAt: string } };

export type LinkProviderMutationVariables = Exact<{
  providerId: string;
}>;


export type LinkProviderMutation = { linkProvider: { authorizationUrl: string } };

export type UnlinkProviderMutationVariables = Exact<{
  providerId: string;
}>;


export type UnlinkProviderMutation = { unlinkProvider: { id: string } };

export type MySecurityEventsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type MySecurityEventsQuery = { mySecurityEvents: { edges: Array<{ cursor: string, node: { id: string, type: string, createdAt: string, ip: string | null, userAgent: string | null, detail: string | null, actor: { id: string, displayName: string } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type SecurityOverviewQueryVariables = Exact<{ [key: string]: never; }>;


export type SecurityOverviewQuery = { securityOverview: { users: number, twoFactorEnabled: number, emailEnabled: number, totpEnabled: number, lockedNow: number, lowBackupCodes: number } };

export type UsersQueryVariables = Exact<{
  search?: string | null | undefined;
  twoFactorEnabled?: boolean | null | undefined;
  method?: EnabledMethodFilter | null | undefined;
  locked?: boolean | null | undefined;
  backupCodesRemainingAtMost?: number | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type UsersQuery = { users: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, email: string, displayName: string, role: Role, createdAt: string, lastLoginAt: string | null, security: { twoFactorEnabled: boolean, lastTwoFactorAt: string | null, lockedUntil: string | null, webauthn: { enabled: boolean, enabledAt: string | null }, webauthnCredentials: Array<{ id: string, name: string, createdAt: string, lastUsedAt: string | null, passkey: boolean }>, email: { enabled: boolean, enabledAt: string | null }, totp: { enabled: boolean, enabledAt: string | null }, backupCodes: { total: number, remaining: number, generatedAt: string | null } } } }> } };

export type UserDetailQueryVariables = Exact<{
  id: string;
}>;


export type UserDetailQuery = { user: { id: string, email: string, displayName: string, role: Role, createdAt: string, lastLoginAt: string | null, security: { twoFactorEnabled: boolean, lastTwoFactorAt: string | null, lockedUntil: string | null, webauthn: { enabled: boolean, enabledAt: string | null }, webauthnCredentials: Array<{ id: string, name: string, createdAt: string, lastUsedAt: string | null, passkey: boolean }>, email: { enabled: boolean, enabledAt: string | null }, totp: { enabled: boolean, enabledAt: string | null }, backupCodes: { total: number, remaining: number, generatedAt: string | null } } } | null };

export type UserSsoQueryVariables = Exact<{
  id: string;
}>;


export type UserSsoQuery = { user: { id: string, security: { ssoConnections: Array<{ email: string | null, emailVerified: boolean, linkedAt: string, provider: { id: string, kind: SsoProviderKind, displayName: string } }> } } | null };

export type UserEventsQueryVariables = Exact<{
  userId?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type UserEventsQuery = { securityEvents: { edges: Array<{ cursor: string, node: { id: string, type: string, createdAt: string, ip: string | null, userAgent: string | null, detail: string | null, actor: { id: string, displayName: string, email: string } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ResetTwoFactorMutationVariables = Exact<{
  userId: string;
  reason: string;
  unlinkSso?: boolean | null | undefined;
}>;


export type ResetTwoFactorMutation = { resetTwoFactor: { id: string, email: string, displayName: string, role: Role, createdAt: string, lastLoginAt: string | null, security: { twoFactorEnabled: boolean, lastTwoFactorAt: string | null, lockedUntil: string | null, webauthn: { enabled: boolean, enabledAt: string | null }, webauthnCredentials: Array<{ id: string, name: string, createdAt: string, lastUsedAt: string | null, passkey: boolean }>, email: { enabled: boolean, enabledAt: string | null }, totp: { enabled: boolean, enabledAt: string | null }, backupCodes: { total: number, remaining: number, generatedAt: string | null } } } };

export type UnlinkUserProviderMutationVariables = Exact<{
  userId: string;
  providerId: string;
  reason: string;
}>;


export type UnlinkUserProviderMutation = { unlinkUserProvider: { id: string } };

export type UnlockAccountMutationVariables = Exact<{
  userId: string;
}>;


export type UnlockAccountMutation = { unlockAccount: { id: string, email: string, displayName: string, role: Role, createdAt: string, lastLoginAt: string | null, security: { twoFactorEnabled: boolean, lastTwoFactorAt: string | null, lockedUntil: string | null, webauthn: { enabled: boolean, enabledAt: string | null }, webauthnCredentials: Array<{ id: string, name: string, createdAt: string, lastUsedAt: string | null, passkey: boolean }>, email: { enabled: boolean, enabledAt: string | null }, totp: { enabled: boolean, enabledAt: string | null }, backupCodes: { total: number, remaining: number, generatedAt: string | null } } } };

export type AdminSsoProvidersQueryVariables = Exact<{ [key: string]: never; }>;


export type AdminSsoProvidersQuery = { adminSsoProviders: Array<{ id: string, kind: SsoProviderKind, displayName: string, clientId: string, issuer: string, tenant: string | null, allowedTenants: Array<string>, enabled: boolean, requireTwoFactor: boolean, redirectUri: string, discoveryProblem: string | null, linkedAccounts: number }> };

export type ConfigureSsoProviderMutationVariables = Exact<{
  input: SsoProviderInput;
}>;


export type ConfigureSsoProviderMutation = { configureSsoProvider: { id: string, kind: SsoProviderKind, displayName: string, clientId: string, issuer: string, tenant: string | null, allowedTenants: Array<string>, enabled: boolean, requireTwoFactor: boolean, redirectUri: string, discoveryProblem: string | null, linkedAccounts: number } };

export type RemoveSsoProviderMutationVariables = Exact<{
  id: string;
}>;


export type RemoveSsoProviderMutation = { removeSsoProvider: boolean };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const SessionFragmentDoc = new TypedDocumentString(`
    fragment Session on AuthSession {
  token
  expiresAt
  user {
    id
    email
    role
  }
}
    `, {"fragmentName":"Session"}) as unknown as TypedDocumentString<SessionFragment, unknown>;
export const LoginOutcomeFragmentDoc = new TypedDocumentString(`
    fragment LoginOutcome on LoginResult {
  __typename
  ... on AuthSession {
    ...Session
  }
  ... on TwoFactorChallenge {
    challengeToken
    methods
    expiresAt
    attemptsLeft
    lockedUntil
  }
}
    fragment Session on AuthSession {
  token
  expiresAt
  user {
    id
    email
    role
  }
}`, {"fragmentName":"LoginOutcome"}) as unknown as TypedDocumentString<LoginOutcomeFragment, unknown>;
export const ProviderConfigFragmentDoc = new TypedDocumentString(`
    fragment ProviderConfig on SsoProviderConfig {
  id
  kind
  displayName
  clientId
  issuer
  tenant
  allowedTenants
  enabled
  requireTwoFactor
  redirectUri
  discoveryProblem
  linkedAccounts
}
    `, {"fragmentName":"ProviderConfig"}) as unknown as TypedDocumentString<ProviderConfigFragment, unknown>;
export const SecurityStateFragmentDoc = new TypedDocumentString(`
    fragment SecurityState on AccountSecurity {
  twoFactorEnabled
  lastTwoFactorAt
  lockedUntil
  email {
    enabled
    enabledAt
  }
  totp {
    enabled
    enabledAt
  }
  backupCodes {
    total
    remaining
    generatedAt
  }
}
    `, {"fragmentName":"SecurityState"}) as unknown as TypedDocumentString<SecurityStateFragment, unknown>;
export const UserFieldsFragmentDoc = new TypedDocumentString(`
    fragment UserFields on User {
  id
  email
  displayName
  role
  createdAt
  lastLoginAt
  security {
    ...SecurityState
    webauthn {
      enabled
      enabledAt
    }
    webauthnCredentials {
      id
      name
      createdAt
      lastUsedAt
      passkey
    }
  }
}
    fragment SecurityState on AccountSecurity {
  twoFactorEnabled
  lastTwoFactorAt
  lockedUntil
  email {
    enabled
    enabledAt
  }
  totp {
    enabled
    enabledAt
  }
  backupCodes {
    total
    remaining
    generatedAt
  }
}`, {"fragmentName":"UserFields"}) as unknown as TypedDocumentString<UserFieldsFragment, unknown>;
export const SsoConnectionFieldsFragmentDoc = new TypedDocumentString(`
    fragment SsoConnectionFields on SsoConnection {
  provider {
    id
    kind
    displayName
  }
  email
  emailVerified
  linkedAt
}
    `, {"fragmentName":"SsoConnectionFields"}) as unknown as TypedDocumentString<SsoConnectionFieldsFragment, unknown>;
export const SecurityEventFieldsFragmentDoc = new TypedDocumentString(`
    fragment SecurityEventFields on SecurityEvent {
  id
  type
  createdAt
  ip
  userAgent
  detail
}
    `, {"fragmentName":"SecurityEventFields"}) as unknown as TypedDocumentString<SecurityEventFieldsFragment, unknown>;
export const ResetPreviewDocument = new TypedDocumentString(`
    query ResetPreview($id: ID!) {
  user(id: $id) {
    ...UserFields
    security {
      ssoConnections {
        ...SsoConnectionFields
      }
    }
  }
  userSessions(userId: $id) {
    id
  }
}
    fragment SecurityState on AccountSecurity {
  twoFactorEnabled
  lastTwoFactorAt
  lockedUntil
  email {
    enabled
    enabledAt
  }
  totp {
    enabled
    enabledAt
  }
  backupCodes {
    total
    remaining
    generatedAt
  }
}
fragment UserFields on User {
  id
  email
  displayName
  role
  createdAt
  lastLoginAt
  security {
    ...SecurityState
    webauthn {
      enabled
      enabledAt
    }
    webauthnCredentials {
      id
      name
      createdAt
      lastUsedAt
      passkey
    }
  }
}
fragment SsoConnectionFields on SsoConnection {
  provider {
    id
    kind
    displayName
  }
  email
  emailVerified
  linkedAt
}`) as unknown as TypedDocumentString<ResetPreviewQuery, ResetPreviewQueryVariables>;
export const VerifyCodeRememberDocument = new TypedDocumentString(`
    mutation VerifyCodeRemember($challengeToken: String!, $method: TwoFactorMethod!, $code: String!, $rememberDevice: Boolean) {
  verifyCode(
    challengeToken: $challengeToken
    method: $method
    code: $code
    rememberDevice: $rememberDevice
  ) {
    __typename
    ...Session
  }
}
    fragment Session on AuthSession {
  token
  expiresAt
  user {
    id
    email
    role
  }
}`) as unknown as TypedDocumentString<VerifyCodeRememberMutation, VerifyCodeRememberMutationVariables>;
export const TrustedBrowsersDocument = new TypedDocumentString(`
    query TrustedBrowsers {
  myTrustedDevices {
    id
    createdAt
    lastUsedAt
    expiresAt
    browser
    os
    ip
    current
  }
}
    `) as unknown as TypedDocumentString<TrustedBrowsersQuery, TrustedBrowsersQueryVariables>;
export const ForgetTrustedBrowserDocument = new TypedDocumentString(`
    mutation ForgetTrustedBrowser($id: ID!) {
  revokeTrustedDevice(id: $id)
}
    `) as unknown as TypedDocumentString<ForgetTrustedBrowserMutation, ForgetTrustedBrowserMutationVariables>;
export const ForgetAllTrustedBrowsersDocument = new TypedDocumentString(`
    mutation ForgetAllTrustedBrowsers {
  revokeAllTrustedDevices
}
    `) as unknown as TypedDocumentString<ForgetAllTrustedBrowsersMutation, ForgetAllTrustedBrowsersMutationVariables>;
export const ChangeMyPasswordDocument = new TypedDocumentString(`
    mutation ChangeMyPassword($currentPassword: String!, $newPassword: String!) {
  changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
}
    `) as unknown as TypedDocumentString<ChangeMyPasswordMutation, ChangeMyPasswordMutationVariables>;
export const DeactivateAccountDocument = new TypedDocumentString(`
    mutation DeactivateAccount($userId: ID!, $reason: String!) {
  deactivateUser(userId: $userId, reason: $reason) {
    ...UserFields
    status
  }
}
    fragment SecurityState on AccountSecurity {
  twoFactorEnabled
  lastTwoFactorAt
  lockedUntil
  email {
    enabled
    enabledAt
  }
  totp {
    enabled
    enabledAt
  }
  backupCodes {
    total
    remaining
    generatedAt
  }
}
fragment UserFields on User {
  id
  email
  displayName
  role
  createdAt
  lastLoginAt
  security {
    ...SecurityState
    webauthn {
      enabled
      enabledAt
    }
    webauthnCredentials {
      id
      name
      createdAt
      lastUsedAt
      passkey
    }
  }
}`) as unknown as TypedDocumentString<DeactivateAccountMutation, DeactivateAccountMutationVariables>;
export const ReactivateAccountDocument = new TypedDocumentString(`
    mutation ReactivateAccount($userId: ID!) {
  reactivateUser(userId: $userId) {
    ...UserFields
    status
  }
}
    fragment SecurityState on AccountSecurity {
  twoFactorEnabled
  lastTwoFactorAt
  lockedUntil
  email {
    enabled
    enabledAt
  }
  totp {
    enabled
    enabledAt
  }
  backupCodes {
    total
    remaining
    generatedAt
  }
}
fragment UserFields on User {
  id
  email
  displayName
  role
  createdAt
  lastLoginAt
  security {
    ...SecurityState
    webauthn {
      enabled
      enabledAt
    }
    webauthnCredentials {
      id
      name
      createdAt
      lastUsedAt
      passkey
    }
  }
}`) as unknown as TypedDocumentString<ReactivateAccountMutation, ReactivateAccountMutationVariables>;
export const ChangeRoleDocument = new TypedDocumentString(`
    mutation ChangeRole($userId: ID!, $role: Role!) {
  setUserRole(userId: $userId, role: $role) {
    ...UserFields
    status
  }
}
    fragment SecurityState on AccountSecurity {
  twoFactorEnabled
  lastTwoFactorAt
  lockedUntil
  email {
    enabled
    enabledAt
  }
  totp {
    enabled
    enabledAt
  }
  backupCodes {
    total
    remaining
    generatedAt
  }
}
fragment UserFields on User {
  id
  email
  displayName
  role
  createdAt
  lastLoginAt
  security {
    ...SecurityState
    webauthn {
      enabled
      enabledAt
    }
    webauthnCredentials {
      id
      name
      createdAt
      lastUsedAt
      passkey
    }
  }
}`) as unknown as TypedDocumentString<ChangeRoleMutation, ChangeRoleMutationVariables>;
export const UserLifecycleDocument = new TypedDocumentString(`
    query UserLifecycle($id: ID!) {
  user(id: $id) {
    id
    status
    role
  }
}
    `) as unknown as TypedDocumentString<UserLifecycleQuery, UserLifecycleQueryVariables>;
export const BeginWebAuthnRegistrationDocument = new TypedDocumentString(`
    mutation BeginWebAuthnRegistration {
  beginWebAuthnRegistration
}
    `) as unknown as TypedDocumentString<BeginWebAuthnRegistrationMutation, BeginWebAuthnRegistrationMutationVariables>;
export const FinishWebAuthnRegistrationDocument = new TypedDocumentString(`
    mutation FinishWebAuthnRegistration($response: String!, $name: String!) {
  finishWebAuthnRegistration(response: $response, name: $name) {
    backupCodes
    user {
      ...UserFields
    }
  }
}
    fragment SecurityState on AccountSecurity {
  twoFactorEnabled
  lastTwoFactorAt
  lockedUntil
  email {
    enabled
    enabledAt
  }
  totp {
    enabled
    enabledAt
  }
  backupCodes {
    total
    remaining
    generatedAt
  }
}
fragment UserFields on User {
  id
  email
  displayName
  role
  createdAt
  lastLoginAt
  security {
    ...SecurityState
    webauthn {
      enabled
      enabledAt
    }
    webauthnCredentials {
      id
      name
      createdAt
      lastUsedAt
      passkey
    }
  }
}`) as unknown as TypedDocumentString<FinishWebAuthnRegistrationMutation, FinishWebAuthnRegistrationMutationVariables>;
export const RenameWebAuthnCredentialDocument = new TypedDocumentString(`
    mutation RenameWebAuthnCredential($id: ID!, $name: String!) {
  renameWebAuthnCredential(id: $id, name: $name) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<RenameWebAuthnCredentialMutation, RenameWebAuthnCredentialMutationVariables>;
export const RemoveWebAuthnCredentialDocument = new TypedDocumentString(`
    mutation RemoveWebAuthnCredential($id: ID!) {
  removeWebAuthnCredential(id: $id) {
    ...UserFields
  }
}
    fragment SecurityState on AccountSecurity {
  twoFactorEnabled
  lastTwoFactorAt
  lockedUntil
  email {
    enabled
    enabledAt
  }
  totp {
    enabled
    enabledAt
  }
  backupCodes {
    total
    remaining
    generatedAt
  }
}
fragment UserFields on User {
  id
  email
  displayName
  role
  createdAt
  lastLoginAt
  security {
    ...SecurityState
    webauthn {
      enabled
      enabledAt
    }
    webauthnCredentials {
      id
      name
      createdAt
      lastUsedAt
      passkey
    }
  }
}`) as unknown as TypedDocumentString<RemoveWebAuthnCredentialMutation, RemoveWebAuthnCredentialMutationVariables>;
export const BeginWebAuthnChallengeDocument = new TypedDocumentString(`
    mutation BeginWebAuthnChallenge($challengeToken: String!) {
  beginWebAuthnChallenge(challengeToken: $challengeToken)
}
    `) as unknown as TypedDocumentString<BeginWebAuthnChallengeMutation, BeginWebAuthnChallengeMutationVariables>;
export const BeginWebAuthnReauthenticationDocument = new TypedDocumentString(`
    mutation BeginWebAuthnReauthentication {
  beginWebAuthnReauthentication
}
    `) as unknown as TypedDocumentString<BeginWebAuthnReauthenticationMutation, BeginWebAuthnReauthenticationMutationVariables>;
export const BeginPasskeyLoginDocument = new TypedDocumentString(`
    mutation BeginPasskeyLogin {
  beginPasskeyLogin {
    loginToken
    options
  }
}
    `) as unknown as TypedDocumentString<BeginPasskeyLoginMutation, BeginPasskeyLoginMutationVariables>;
export const FinishPasskeyLoginDocument = new TypedDocumentString(`
    mutation FinishPasskeyLogin($loginToken: String!, $response: String!) {
  finishPasskeyLogin(loginToken: $loginToken, response: $response) {
    __typename
    enrollmentRequired
    user {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<FinishPasskeyLoginMutation, FinishPasskeyLoginMutationVariables>;
export const PolicyPageDocument = new TypedDocumentString(`
    query PolicyPage {
  securityPolicy {
    requireTwoFactor
    gracePeriodDays
    allowedMethods
    phishingResistantFor
    sessionIdleMinutes
    sessionMaxHours
    trustedDeviceDays
    updatedAt
    updatedBy {
      displayName
      email
    }
  }
}
    `) as unknown as TypedDocumentString<PolicyPageQuery, PolicyPageQueryVariables>;
export const SaveSecurityPolicyDocument = new TypedDocumentString(`
    mutation SaveSecurityPolicy($input: SecurityPolicyInput!) {
  updateSecurityPolicy(input: $input) {
    requireTwoFactor
    gracePeriodDays
    allowedMethods
    phishingResistantFor
    sessionIdleMinutes
    sessionMaxHours
    trustedDeviceDays
    updatedAt
    updatedBy {
      displayName
      email
    }
  }
}
    `) as unknown as TypedDocumentString<SaveSecurityPolicyMutation, SaveSecurityPolicyMutationVariables>;
export const PolicyImpactDocument = new TypedDocumentString(`
    query PolicyImpact($input: SecurityPolicyInput!) {
  securityPolicyImpact(input: $input) {
    nonCompliant
    restrictedAtOnce
    deadline
  }
}
    `) as unknown as TypedDocumentString<PolicyImpactQuery, PolicyImpactQueryVariables>;
export const MyEnrollmentStateDocument = new TypedDocumentString(`
    query MyEnrollmentState {
  me {
    id
    security {
      twoFactorRequired
      enrollmentDeadline
    }
  }
}
    `) as unknown as TypedDocumentString<MyEnrollmentStateQuery, MyEnrollmentStateQueryVariables>;
export const ConsoleOverviewDocument = new TypedDocumentString(`
    query ConsoleOverview {
  securityOverview {
    users
    twoFactorEnabled
    emailEnabled
    totpEnabled
    webauthnEnabled
    lockedNow
    lowBackupCodes
    nonCompliant
    inGracePeriod
    deactivated
    invited
  }
}
    `) as unknown as TypedDocumentString<ConsoleOverviewQuery, ConsoleOverviewQueryVariables>;
export const ConsoleUsersDocument = new TypedDocumentString(`
    query ConsoleUsers($search: String, $twoFactorEnabled: Boolean, $method: EnabledMethodFilter, $locked: Boolean, $backupCodesRemainingAtMost: Int, $status: UserStatus, $twoFactorCompliant: Boolean, $first: Int, $after: String, $orderBy: UserOrder) {
  users(
    search: $search
    twoFactorEnabled: $twoFactorEnabled
    method: $method
    locked: $locked
    backupCodesRemainingAtMost: $backupCodesRemainingAtMost
    status: $status
    twoFactorCompliant: $twoFactorCompliant
    first: $first
    after: $after
    orderBy: $orderBy
  ) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      cursor
      node {
        ...UserFields
        status
        security {
          twoFactorRequired
          enrollmentDeadline
        }
      }
    }
  }
}
    fragment SecurityState on AccountSecurity {
  twoFactorEnabled
  lastTwoFactorAt
  lockedUntil
  email {
    enabled
    enabledAt
  }
  totp {
    enabled
    enabledAt
  }
  backupCodes {
    total
    remaining
    generatedAt
  }
}
fragment UserFields on User {
  id
  email
  displayName
  role
  createdAt
  lastLoginAt
  security {
    ...SecurityState
    webauthn {
      enabled
      enabledAt
    }
    webauthnCredentials {
      id
      name
      createdAt
      lastUsedAt
      passkey
    }
  }
}`) as unknown as TypedDocumentString<ConsoleUsersQuery, ConsoleUsersQueryVariables>;
export const RequestPasswordResetDocument = new TypedDocumentString(`
    mutation RequestPasswordReset($email: String!) {
  requestPasswordReset(email: $email)
}
    `) as unknown as TypedDocumentString<RequestPasswordResetMutation, RequestPasswordResetMutationVariables>;
export const ResetPasswordDocument = new TypedDocumentString(`
    mutation ResetPassword($token: String!, $newPassword: String!) {
  resetPassword(token: $token, newPassword: $newPassword) {
    ...LoginOutcome
  }
}
    fragment Session on AuthSession {
  token
  expiresAt
  user {
    id
    email
    role
  }
}
fragment LoginOutcome on LoginResult {
  __typename
  ... on AuthSession {
    ...Session
  }
  ... on TwoFactorChallenge {
    challengeToken
    methods
    expiresAt
    attemptsLeft
    lockedUntil
  }
}`) as unknown as TypedDocumentString<ResetPasswordMutation, ResetPasswordMutationVariables>;
export const InviteUserDocument = new TypedDocumentString(`
    mutation InviteUser($input: InviteUserInput!) {
  inviteUser(input: $input) {
    id
    email
    displayName
    role
  }
}
    `) as unknown as TypedDocumentString<InviteUserMutation, InviteUserMutationVariables>;
export const CreateUserWithPasswordDocument = new TypedDocumentString(`
    mutation CreateUserWithPassword($input: CreateUserInput!) {
  createUser(input: $input) {
    id
    email
    displayName
    role
  }
}
    `) as unknown as TypedDocumentString<CreateUserWithPasswordMutation, CreateUserWithPasswordMutationVariables>;
export const ResendInviteDocument = new TypedDocumentString(`
    mutation ResendInvite($userId: ID!) {
  resendInvite(userId: $userId)
}
    `) as unknown as TypedDocumentString<ResendInviteMutation, ResendInviteMutationVariables>;
export const SendPasswordResetDocument = new TypedDocumentString(`
    mutation SendPasswordReset($userId: ID!) {
  sendPasswordReset(userId: $userId)
}
    `) as unknown as TypedDocumentString<SendPasswordResetMutation, SendPasswordResetMutationVariables>;
export const SignedInSessionsDocument = new TypedDocumentString(`
    query SignedInSessions {
  mySessions {
    id
    createdAt
    lastSeenAt
    browser
    os
    ip
    signedInWith
    current
  }
}
    `) as unknown as TypedDocumentString<SignedInSessionsQuery, SignedInSessionsQueryVariables>;
export const SignOutSessionDocument = new TypedDocumentString(`
    mutation SignOutSession($id: ID!) {
  revokeSession(id: $id)
}
    `) as unknown as TypedDocumentString<SignOutSessionMutation, SignOutSessionMutationVariables>;
export const SignOutOtherSessionsDocument = new TypedDocumentString(`
    mutation SignOutOtherSessions {
  revokeOtherSessions
}
    `) as unknown as TypedDocumentString<SignOutOtherSessionsMutation, SignOutOtherSessionsMutationVariables>;
export const UserSignedInSessionsDocument = new TypedDocumentString(`
    query UserSignedInSessions($userId: ID!) {
  userSessions(userId: $userId) {
    id
    createdAt
    lastSeenAt
    browser
    os
    ip
    signedInWith
  }
}
    `) as unknown as TypedDocumentString<UserSignedInSessionsQuery, UserSignedInSessionsQueryVariables>;
export const SignOutUserEverywhereDocument = new TypedDocumentString(`
    mutation SignOutUserEverywhere($userId: ID!) {
  revokeUserSessions(userId: $userId)
}
    `) as unknown as TypedDocumentString<SignOutUserEverywhereMutation, SignOutUserEverywhereMutationVariables>;
export const VerifySignInCodeDocument = new TypedDocumentString(`
    mutation VerifySignInCode($challengeToken: String!, $method: TwoFactorMethod!, $code: String!, $rememberDevice: Boolean) {
  verifyCode(
    challengeToken: $challengeToken
    method: $method
    code: $code
    rememberDevice: $rememberDevice
  ) {
    __typename
    ...Session
    backupCodesRemaining
  }
}
    fragment Session on AuthSession {
  token
  expiresAt
  user {
    id
    email
    role
  }
}`) as unknown as TypedDocumentString<VerifySignInCodeMutation, VerifySignInCodeMutationVariables>;
export const SendSignInCodeDocument = new TypedDocumentString(`
    mutation SendSignInCode($challengeToken: String!) {
  sendLoginCode(challengeToken: $challengeToken) {
    sentTo
    expiresAt
    resendAvailableAt
  }
}
    `) as unknown as TypedDocumentString<SendSignInCodeMutation, SendSignInCodeMutationVariables>;
export const SendSetupCodeDocument = new TypedDocumentString(`
    mutation SendSetupCode {
  setupEmailTwoFactor {
    sentTo
    expiresAt
    resendAvailableAt
  }
}
    `) as unknown as TypedDocumentString<SendSetupCodeMutation, SendSetupCodeMutationVariables>;
export const SendReauthEmailCodeDocument = new TypedDocumentString(`
    mutation SendReauthEmailCode {
  sendReauthenticationCode {
    sentTo
    expiresAt
    resendAvailableAt
  }
}
    `) as unknown as TypedDocumentString<SendReauthEmailCodeMutation, SendReauthEmailCodeMutationVariables>;
export const SsoProviderDraftDocument = new TypedDocumentString(`
    query SsoProviderDraft {
  ssoProviderDraft {
    id
    redirectUri
  }
}
    `) as unknown as TypedDocumentString<SsoProviderDraftQuery, SsoProviderDraftQueryVariables>;
export const TestSsoProviderDocument = new TypedDocumentString(`
    mutation TestSsoProvider($id: ID!) {
  testSsoProvider(id: $id) {
    authorizationUrl
  }
}
    `) as unknown as TypedDocumentString<TestSsoProviderMutation, TestSsoProviderMutationVariables>;
export const SsoTestResultDocument = new TypedDocumentString(`
    query SsoTestResult($ticket: String!) {
  ssoTestResult(ticket: $ticket) {
    provider {
      id
      kind
      displayName
    }
    subject
    email
    emailVerified
  }
}
    `) as unknown as TypedDocumentString<SsoTestResultQuery, SsoTestResultQueryVariables>;
export const MeDocument = new TypedDocumentString(`
    query Me {
  me {
    ...UserFields
  }
}
    fragment SecurityState on AccountSecurity {
  twoFactorEnabled
  lastTwoFactorAt
  lockedUntil
  email {
    enabled
    enabledAt
  }
  totp {
    enabled
    enabledAt
  }
  backupCodes {
    total
    remaining
    generatedAt
  }
}
fragment UserFields on User {
  id
  email
  displayName
  role
  createdAt
  lastLoginAt
  security {
    ...SecurityState
    webauthn {
      enabled
      enabledAt
    }
    webauthnCredentials {
      id
      name
      createdAt
      lastUsedAt
      passkey
    }
  }
}`) as unknown as TypedDocumentString<MeQuery, MeQueryVariables>;
export const SsoProvidersDocument = new TypedDocumentString(`
    query SsoProviders {
  ssoProviders {
    id
    kind
    displayName
  }
}
    `) as unknown as TypedDocumentString<SsoProvidersQuery, SsoProvidersQueryVariables>;
export const MySsoDocument = new TypedDocumentString(`
    query MySso {
  ssoProviders {
    id
    kind
    displayName
  }
  me {
    id
    security {
      ssoConnections {
        ...SsoConnectionFields
      }
    }
  }
}
    fragment SsoConnectionFields on SsoConnection {
  provider {
    id
    kind
    displayName
  }
  email
  emailVerified
  linkedAt
}`) as unknown as TypedDocumentString<MySsoQuery, MySsoQueryVariables>;
export const LoginDocument = new TypedDocumentString(`
    mutation Login($email: String!, $password: String!) {
  login(email: $email, password: $password) {
    ...LoginOutcome
  }
}
    fragment Session on AuthSession {
  token
  expiresAt
  user {
    id
    email
    role
  }
}
fragment LoginOutcome on LoginResult {
  __typename
  ... on AuthSession {
    ...Session
  }
  ... on TwoFactorChallenge {
    challengeToken
    methods
    expiresAt
    attemptsLeft
    lockedUntil
  }
}`) as unknown as TypedDocumentString<LoginMutation, LoginMutationVariables>;
export const SendLoginCodeDocument = new TypedDocumentString(`
    mutation SendLoginCode($challengeToken: String!) {
  sendLoginCode(challengeToken: $challengeToken) {
    sentTo
    expiresAt
  }
}
    `) as unknown as TypedDocumentString<SendLoginCodeMutation, SendLoginCodeMutationVariables>;
export const VerifyCodeDocument = new TypedDocumentString(`
    mutation VerifyCode($challengeToken: String!, $method: TwoFactorMethod!, $code: String!) {
  verifyCode(challengeToken: $challengeToken, method: $method, code: $code) {
    __typename
    ...Session
  }
}
    fragment Session on AuthSession {
  token
  expiresAt
  user {
    id
    email
    role
  }
}`) as unknown as TypedDocumentString<VerifyCodeMutation, VerifyCodeMutationVariables>;
export const CompleteSsoLoginDocument = new TypedDocumentString(`
    mutation CompleteSsoLogin($ticket: String!) {
  completeSsoLogin(ticket: $ticket) {
    ...LoginOutcome
  }
}
    fragment Session on AuthSession {
  token
  expiresAt
  user {
    id
    email
    role
  }
}
fragment LoginOutcome on LoginResult {
  __typename
  ... on AuthSession {
    ...Session
  }
  ... on TwoFactorChallenge {
    challengeToken
    methods
    expiresAt
    attemptsLeft
    lockedUntil
  }
}`) as unknown as TypedDocumentString<CompleteSsoLoginMutation, CompleteSsoLoginMutationVariables>;
export const SsoTicketDocument = new TypedDocumentString(`
    query SsoTicket($ticket: String!) {
  ssoTicket(ticket: $ticket) {
    provider {
      id
      kind
      displayName
    }
    email
    emailVerified
  }
}
    `) as unknown as TypedDocumentString<SsoTicketQuery, SsoTicketQueryVariables>;
export const BindSsoAccountDocument = new TypedDocumentString(`
    mutation BindSsoAccount($ticket: String!, $email: String!, $password: String!) {
  bindSsoAccount(ticket: $ticket, email: $email, password: $password) {
    ...LoginOutcome
  }
}
    fragment Session on AuthSession {
  token
  expiresAt
  user {
    id
    email
    role
  }
}
fragment LoginOutcome on LoginResult {
  __typename
  ... on AuthSession {
    ...Session
  }
  ... on TwoFactorChallenge {
    challengeToken
    methods
    expiresAt
    attemptsLeft
    lockedUntil
  }
}`) as unknown as TypedDocumentString<BindSsoAccountMutation, BindSsoAccountMutationVariables>;
export const LogoutDocument = new TypedDocumentString(`
    mutation Logout {
  logout
}
    `) as unknown as TypedDocumentString<LogoutMutation, LogoutMutationVariables>;
export const SetupEmailTwoFactorDocument = new TypedDocumentString(`
    mutation SetupEmailTwoFactor {
  setupEmailTwoFactor {
    sentTo
    expiresAt
  }
}
    `) as unknown as TypedDocumentString<SetupEmailTwoFactorMutation, SetupEmailTwoFactorMutationVariables>;
export const ConfirmEmailTwoFactorDocument = new TypedDocumentString(`
    mutation ConfirmEmailTwoFactor($code: String!) {
  confirmEmailTwoFactor(code: $code) {
    backupCodes
    user {
      ...UserFields
    }
  }
}
    fragment SecurityState on AccountSecurity {
  twoFactorEnabled
  lastTwoFactorAt
  lockedUntil
  email {
    enabled
    enabledAt
  }
  totp {
    enabled
    enabledAt
  }
  backupCodes {
    total
    remaining
    generatedAt
  }
}
fragment UserFields on User {
  id
  email
  displayName
  role
  createdAt
  lastLoginAt
  security {
    ...SecurityState
    webauthn {
      enabled
      enabledAt
    }
    webauthnCredentials {
      id
      name
      createdAt
      lastUsedAt
      passkey
    }
  }
}`) as unknown as TypedDocumentString<ConfirmEmailTwoFactorMutation, ConfirmEmailTwoFactorMutationVariables>;
export const DisableEmailTwoFactorDocument = new TypedDocumentString(`
    mutation DisableEmailTwoFactor {
  disableEmailTwoFactor {
    ...UserFields
  }
}
    fragment SecurityState on AccountSecurity {
  twoFactorEnabled
  lastTwoFactorAt
  lockedUntil
  email {
    enabled
    enabledAt
  }
  totp {
    enabled
    enabledAt
  }
  backupCodes {
    total
    remaining
    generatedAt
  }
}
fragment UserFields on User {
  id
  email
  displayName
  role
  createdAt
  lastLoginAt
  security {
    ...SecurityState
    webauthn {
      enabled
      enabledAt
    }
    webauthnCredentials {
      id
      name
      createdAt
      lastUsedAt
      passkey
    }
  }
}`) as unknown as TypedDocumentString<DisableEmailTwoFactorMutation, DisableEmailTwoFactorMutationVariables>;
export const EnableTotpDocument = new TypedDocumentString(`
    mutation EnableTotp {
  enableTotp {
    secret
    otpauthUrl
    qrCodeDataUrl
  }
}
    `) as unknown as TypedDocumentString<EnableTotpMutation, EnableTotpMutationVariables>;
export const ConfirmTotpDocument = new TypedDocumentString(`
    mutation ConfirmTotp($code: String!) {
  confirmTotp(code: $code) {
    backupCodes
    user {
      ...UserFields
    }
  }
}
    fragment SecurityState on AccountSecurity {
  twoFactorEnabled
  lastTwoFactorAt
  lockedUntil
  email {
    enabled
    enabledAt
  }
  totp {
    enabled
    enabledAt
  }
  backupCodes {
    total
    remaining
    generatedAt
  }
}
fragment UserFields on User {
  id
  email
  displayName
  role
  createdAt
  lastLoginAt
  security {
    ...SecurityState
    webauthn {
      enabled
      enabledAt
    }
    webauthnCredentials {
      id
      name
      createdAt
      lastUsedAt
      passkey
    }
  }
}`) as unknown as TypedDocumentString<ConfirmTotpMutation, ConfirmTotpMutationVariables>;
export const DisableTotpDocument = new TypedDocumentString(`
    mutation DisableTotp {
  disableTotp {
    ...UserFields
  }
}
    fragment SecurityState on AccountSecurity {
  twoFactorEnabled
  lastTwoFactorAt
  lockedUntil
  email {
    enabled
    enabledAt
  }
  totp {
    enabled
    enabledAt
  }
  backupCodes {
    total
    remaining
    generatedAt
  }
}
fragment UserFields on User {
  id
  email
  displayName
  role
  createdAt
  lastLoginAt
  security {
    ...SecurityState
    webauthn {
      enabled
      enabledAt
    }
    webauthnCredentials {
      id
      name
      createdAt
      lastUsedAt
      passkey
    }
  }
}`) as unknown as TypedDocumentString<DisableTotpMutation, DisableTotpMutationVariables>;
export const BackupCodesDocument = new TypedDocumentString(`
    query BackupCodes {
  backupCodes {
    code
    used
  }
}
    `) as unknown as TypedDocumentString<BackupCodesQuery, BackupCodesQueryVariables>;
export const RegenerateBackupCodesDocument = new TypedDocumentString(`
    mutation RegenerateBackupCodes {
  regenerateBackupCodes
}
    `) as unknown as TypedDocumentString<RegenerateBackupCodesMutation, RegenerateBackupCodesMutationVariables>;
export const ReauthenticateDocument = new TypedDocumentString(`
    mutation Reauthenticate($password: String, $method: TwoFactorMethod, $code: String) {
  reauthenticate(password: $password, method: $method, code: $code)
}
    `) as unknown as TypedDocumentString<ReauthenticateMutation, ReauthenticateMutationVariables>;
export const SendReauthenticationCodeDocument = new TypedDocumentString(`
    mutation SendReauthenticationCode {
  sendReauthenticationCode {
    sentTo
    expiresAt
  }
}
    `) as unknown as TypedDocumentString<SendReauthenticationCodeMutation, SendReauthenticationCodeMutationVariables>;
export const LinkProviderDocument = new TypedDocumentString(`
    mutation LinkProvider($providerId: ID!) {
  linkProvider(providerId: $providerId) {
    authorizationUrl
  }
}
    `) as unknown as TypedDocumentString<LinkProviderMutation, LinkProviderMutationVariables>;
export const UnlinkProviderDocument = new TypedDocumentString(`
    mutation UnlinkProvider($providerId: ID!) {
  unlinkProvider(providerId: $providerId) {
    id
  }
}
    `) as unknown as TypedDocumentString<UnlinkProviderMutation, UnlinkProviderMutationVariables>;
export const MySecurityEventsDocument = new TypedDocumentString(`
    query MySecurityEvents($first: Int, $after: String) {
  mySecurityEvents(first: $first, after: $after) {
    edges {
      cursor
      node {
        ...SecurityEventFields
        actor {
          id
          displayName
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment SecurityEventFields on SecurityEvent {
  id
  type
  createdAt
  ip
  userAgent
  detail
}`) as unknown as TypedDocumentString<MySecurityEventsQuery, MySecurityEventsQueryVariables>;
export const SecurityOverviewDocument = new TypedDocumentString(`
    query SecurityOverview {
  securityOverview {
    users
    twoFactorEnabled
    emailEnabled
    totpEnabled
    lockedNow
    lowBackupCodes
  }
}
    `) as unknown as TypedDocumentString<SecurityOverviewQuery, SecurityOverviewQueryVariables>;
export const UsersDocument = new TypedDocumentString(`
    query Users($search: String, $twoFactorEnabled: Boolean, $method: EnabledMethodFilter, $locked: Boolean, $backupCodesRemainingAtMost: Int, $first: Int, $after: String) {
  users(
    search: $search
    twoFactorEnabled: $twoFactorEnabled
    method: $method
    locked: $locked
    backupCodesRemainingAtMost: $backupCodesRemainingAtMost
    first: $first
    after: $after
  ) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      cursor
      node {
        ...UserFields
      }
    }
  }
}
    fragment SecurityState on AccountSecurity {
  twoFactorEnabled
  lastTwoFactorAt
  lockedUntil
  email {
    enabled
    enabledAt
  }
  totp {
    enabled
    enabledAt
  }
  backupCodes {
    total
    remaining
    generatedAt
  }
}
fragment UserFields on User {
  id
  email
  displayName
  role
  createdAt
  lastLoginAt
  security {
    ...SecurityState
    webauthn {
      enabled
      enabledAt
    }
    webauthnCredentials {
      id
      name
      createdAt
      lastUsedAt
      passkey
    }
  }
}`) as unknown as TypedDocumentString<UsersQuery, UsersQueryVariables>;
export const UserDetailDocument = new TypedDocumentString(`
    query UserDetail($id: ID!) {
  user(id: $id) {
    ...UserFields
  }
}
    fragment SecurityState on AccountSecurity {
  twoFactorEnabled
  lastTwoFactorAt
  lockedUntil
  email {
    enabled
    enabledAt
  }
  totp {
    enabled
    enabledAt
  }
  backupCodes {
    total
    remaining
    generatedAt
  }
}
fragment UserFields on User {
  id
  email
  displayName
  role
  createdAt
  lastLoginAt
  security {
    ...SecurityState
    webauthn {
      enabled
      enabledAt
    }
    webauthnCredentials {
      id
      name
      createdAt
      lastUsedAt
      passkey
    }
  }
}`) as unknown as TypedDocumentString<UserDetailQuery, UserDetailQueryVariables>;
export const UserSsoDocument = new TypedDocumentString(`
    query UserSso($id: ID!) {
  user(id: $id) {
    id
    security {
      ssoConnections {
        ...SsoConnectionFields
      }
    }
  }
}
    fragment SsoConnectionFields on SsoConnection {
  provider {
    id
    kind
    displayName
  }
  email
  emailVerified
  linkedAt
}`) as unknown as TypedDocumentString<UserSsoQuery, UserSsoQueryVariables>;
export const UserEventsDocument = new TypedDocumentString(`
    query UserEvents($userId: ID, $first: Int, $after: String) {
  securityEvents(userId: $userId, first: $first, after: $after) {
    edges {
      cursor
      node {
        ...SecurityEventFields
        actor {
          id
          displayName
          email
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment SecurityEventFields on SecurityEvent {
  id
  type
  createdAt
  ip
  userAgent
  detail
}`) as unknown as TypedDocumentString<UserEventsQuery, UserEventsQueryVariables>;
export const ResetTwoFactorDocument = new TypedDocumentString(`
    mutation ResetTwoFactor($userId: ID!, $reason: String!, $unlinkSso: Boolean) {
  resetTwoFactor(userId: $userId, reason: $reason, unlinkSso: $unlinkSso) {
    ...UserFields
  }
}
    fragment SecurityState on AccountSecurity {
  twoFactorEnabled
  lastTwoFactorAt
  lockedUntil
  email {
    enabled
    enabledAt
  }
  totp {
    enabled
    enabledAt
  }
  backupCodes {
    total
    remaining
    generatedAt
  }
}
fragment UserFields on User {
  id
  email
  displayName
  role
  createdAt
  lastLoginAt
  security {
    ...SecurityState
    webauthn {
      enabled
      enabledAt
    }
    webauthnCredentials {
      id
      name
      createdAt
      lastUsedAt
      passkey
    }
  }
}`) as unknown as TypedDocumentString<ResetTwoFactorMutation, ResetTwoFactorMutationVariables>;
export const UnlinkUserProviderDocument = new TypedDocumentString(`
    mutation UnlinkUserProvider($userId: ID!, $providerId: ID!, $reason: String!) {
  unlinkUserProvider(userId: $userId, providerId: $providerId, reason: $reason) {
    id
  }
}
    `) as unknown as TypedDocumentString<UnlinkUserProviderMutation, UnlinkUserProviderMutationVariables>;
export const UnlockAccountDocument = new TypedDocumentString(`
    mutation UnlockAccount($userId: ID!) {
  unlockAccount(userId: $userId) {
    ...UserFields
  }
}
    fragment SecurityState on AccountSecurity {
  twoFactorEnabled
  lastTwoFactorAt
  lockedUntil
  email {
    enabled
    enabledAt
  }
  totp {
    enabled
    enabledAt
  }
  backupCodes {
    total
    remaining
    generatedAt
  }
}
fragment UserFields on User {
  id
  email
  displayName
  role
  createdAt
  lastLoginAt
  security {
    ...SecurityState
    webauthn {
      enabled
      enabledAt
    }
    webauthnCredentials {
      id
      name
      createdAt
      lastUsedAt
      passkey
    }
  }
}`) as unknown as TypedDocumentString<UnlockAccountMutation, UnlockAccountMutationVariables>;
export const AdminSsoProvidersDocument = new TypedDocumentString(`
    query AdminSsoProviders {
  adminSsoProviders {
    ...ProviderConfig
  }
}
    fragment ProviderConfig on SsoProviderConfig {
  id
  kind
  displayName
  clientId
  issuer
  tenant
  allowedTenants
  enabled
  requireTwoFactor
  redirectUri
  discoveryProblem
  linkedAccounts
}`) as unknown as TypedDocumentString<AdminSsoProvidersQuery, AdminSsoProvidersQueryVariables>;
export const ConfigureSsoProviderDocument = new TypedDocumentString(`
    mutation ConfigureSsoProvider($input: SsoProviderInput!) {
  configureSsoProvider(input: $input) {
    ...ProviderConfig
  }
}
    fragment ProviderConfig on SsoProviderConfig {
  id
  kind
  displayName
  clientId
  issuer
  tenant
  allowedTenants
  enabled
  requireTwoFactor
  redirectUri
  discoveryProblem
  linkedAccounts
}`) as unknown as TypedDocumentString<ConfigureSsoProviderMutation, ConfigureSsoProviderMutationVariables>;
export const RemoveSsoProviderDocument = new TypedDocumentString(`
    mutation RemoveSsoProvider($id: ID!) {
  removeSsoProvider(id: $id)
}
    `) as unknown as TypedDocumentString<RemoveSsoProviderMutation, RemoveSsoProviderMutationVariables>;