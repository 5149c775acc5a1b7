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

export type DeviceLoginMutationVariables = Exact<{
  email: string;
  password: string;
}>;


export type DeviceLoginMutation = { login:
    | { __typename: 'AuthSession', token: string }
    | { __typename: 'TwoFactorChallenge', challengeToken: string, methods: Array<TwoFactorMethod> }
   };

export type VerifyRememberMutationVariables = Exact<{
  challengeToken: string;
  method: TwoFactorMethod;
  code: string;
  rememberDevice?: boolean | null | undefined;
}>;


export type VerifyRememberMutation = { verifyCode: { token: string } };

export type MyTrustedDevicesQueryVariables = Exact<{ [key: string]: never; }>;


export type MyTrustedDevicesQuery = { myTrustedDevices: Array<{ id: string, createdAt: string, lastUsedAt: string | null, expiresAt: string, browser: string | null, os: string | null, ip: string | null, current: boolean }> };

export type RevokeTrustedDeviceMutationVariables = Exact<{
  id: string;
}>;


export type RevokeTrustedDeviceMutation = { revokeTrustedDevice: boolean };

export type RevokeAllTrustedDevicesMutationVariables = Exact<{ [key: string]: never; }>;


export type RevokeAllTrustedDevicesMutation = { revokeAllTrustedDevices: number };

export type DeactivateUserMutationVariables = Exact<{
  userId: string;
  reason: string;
}>;


export type DeactivateUserMutation = { deactivateUser: { id: string, status: UserStatus, role: Role } };

export type ReactivateUserMutationVariables = Exact<{
  userId: string;
}>;


export type ReactivateUserMutation = { reactivateUser: { id: string, status: UserStatus, role: Role } };

export type SetUserRoleMutationVariables = Exact<{
  userId: string;
  role: Role;
}>;


export type SetUserRoleMutation = { setUserRole: { id: string, status: UserStatus, role: Role } };

export type UserStatusQueryVariables = Exact<{
  id: string;
}>;


export type UserStatusQuery = { user: { id: string, status: UserStatus, role: Role } | null };

export type LoginMutationVariables = Exact<{
  email: string;
  password: string;
}>;


export type LoginMutation = { login:
    | { __typename: 'AuthSession', token: string, expiresAt: string, user: { id: string, email: string, role: Role } }
    | { __typename: 'TwoFactorChallenge', challengeToken: string, methods: Array<TwoFactorMethod>, expiresAt: string, attemptsLeft: number, lockedUntil: string | null }
   };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { id: string, email: string, displayName: string, role: Role, createdAt: string, lastLoginAt: string | null } };

export type LogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type LogoutMutation = { logout: boolean };

export type CreateUserMutationVariables = Exact<{
  input: CreateUserInput;
}>;


export type CreateUserMutation = { createUser: { id: string, email: string, displayName: string, role: Role, createdAt: string } };

export type ChangePasswordMutationVariables = Exact<{
  currentPassword: string;
  newPassword: string;
}>;


export type ChangePasswordMutation = { changePassword: boolean };

export type MySecurityQueryVariables = Exact<{ [key: string]: never; }>;


export type MySecurityQuery = { me: { id: string, security: { twoFactorEnabled: boolean, lastTwoFactorAt: string | null, lockedUntil: string | null, email: { enabled: boolean, enabledAt: string | null }, totp: { enabled: boolean, enabledAt: string | null }, backupCodes: { total: number, remaining: number, generatedAt: string | null } } } };

export type SetupEmailMutationVariables = Exact<{ [key: string]: never; }>;


export type SetupEmailMutation = { setupEmailTwoFactor: { sentTo: string, expiresAt: string } };

export type ConfirmEmailMutationVariables = Exact<{
  code: string;
}>;


export type ConfirmEmailMutation = { confirmEmailTwoFactor: { backupCodes: Array<string> | null, user: { id: string, security: { twoFactorEnabled: boolean, lastTwoFactorAt: string | null, lockedUntil: string | null, email: { enabled: boolean, enabledAt: string | null }, totp: { enabled: boolean, enabledAt: string | null }, backupCodes: { total: number, remaining: number, generatedAt: string | null } } } } };

export type DisableEmailMutationVariables = Exact<{ [key: string]: never; }>;


export type DisableEmailMutation = { disableEmailTwoFactor: { id: string, security: { twoFactorEnabled: boolean, lastTwoFactorAt: string | null, lockedUntil: string | null, email: { enabled: boolean, enabledAt: string | null }, totp: { enabled: boolean, enabledAt: string | null }, backupCodes: { total: number, remaining: number, generatedAt: string | null } } } };

export type EnableTotpMutationVariables = Exact<{ [key: string]: never; }>;


export type EnableTotpMutation = { enableTotp: { secret: string, otpauthUrl: string, qrCodeDataUrl: string } };

export type ConfirmTotpMutationVariables = Exact<{
  code: string;
}>;


export type ConfirmTotpMutation = { confirmTotp: { backupCodes: Array<string> | null, user: { id: string, security: { twoFactorEnabled: boolean, lastTwoFactorAt: string | null, lockedUntil: string | null, email: { enabled: boolean, enabledAt: string | null }, totp: { enabled: boolean, enabledAt: string | null }, backupCodes: { total: number, remaining: number, generatedAt: string | null } } } } };

export type DisableTotpMutationVariables = Exact<{ [key: string]: never; }>;


export type DisableTotpMutation = { disableTotp: { id: string, security: { twoFactorEnabled: boolean, lastTwoFactorAt: string | null, lockedUntil: string | null, email: { enabled: boolean, enabledAt: string | null }, totp: { enabled: boolean, enabledAt: string | null }, backupCodes: { total: number, remaining: number, generatedAt: string | null } } } };

export type BackupCodesQueryVariables = Exact<{ [key: string]: never; }>;


export type BackupCodesQuery = { backupCodes: Array<{ code: string, used: boolean }> };

export type RegenerateMutationVariables = Exact<{ [key: string]: never; }>;


export type RegenerateMutation = { regenerateBackupCodes: Array<string> };

export type SendLoginCodeMutationVariables = Exact<{
  challengeToken: string;
}>;


export type SendLoginCodeMutation = { sendLoginCode: { sentTo: string, expiresAt: string } };

export type VerifyCodeMutationVariables = Exact<{
  challengeToken: string;
  method: TwoFactorMethod;
  code: string;
}>;


export type VerifyCodeMutation = { verifyCode: { token: string, expiresAt: string, user: { id: string, email: string, role: Role } } };

export type ReauthMutationVariables = Exact<{
  password?: string | null | undefined;
  method?: TwoFactorMethod | null | undefined;
  code?: string | null | undefined;
}>;


export type ReauthMutation = { reauthenticate: boolean };

export type SendReauthCodeMutationVariables = Exact<{ [key: string]: never; }>;


export type SendReauthCodeMutation = { sendReauthenticationCode: { sentTo: string, expiresAt: string } };

export type MyEventsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type MyEventsQuery = { mySecurityEvents: { edges: Array<{ cursor: string, node: { id: string, type: string, createdAt: string, detail: string | null, ip: string | null, userAgent: string | null, user: { id: string }, actor: { id: string } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type UsersQueryVariables = Exact<{
  search?: string | null | undefined;
  twoFactorEnabled?: boolean | null | undefined;
  method?: EnabledMethodFilter | null | undefined;
  locked?: boolean | null | undefined;
  backupCodesRemainingAtMost?: number | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type UsersQuery = { users: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, email: string, displayName: string, security: { twoFactorEnabled: boolean, lastTwoFactorAt: string | null, lockedUntil: string | null, email: { enabled: boolean, enabledAt: string | null }, totp: { enabled: boolean, enabledAt: string | null }, backupCodes: { total: number, remaining: number, generatedAt: string | null } } } }> } };

export type UserQueryVariables = Exact<{
  id: string;
}>;


export type UserQuery = { user: { id: string, email: string, security: { twoFactorEnabled: boolean, lastTwoFactorAt: string | null, lockedUntil: string | null, email: { enabled: boolean, enabledAt: string | null }, totp: { enabled: boolean, enabledAt: string | null }, backupCodes: { total: number, remaining: number, generatedAt: string | null } } } | null };

export type EventsQueryVariables = Exact<{
  userId?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type EventsQuery = { securityEvents: { edges: Array<{ cursor: string, node: { id: string, type: string, detail: string | null, createdAt: string, user: { id: string }, actor: { id: string, email: string } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ResetMutationVariables = Exact<{
  userId: string;
  reason: string;
}>;


export type ResetMutation = { resetTwoFactor: { id: string, security: { twoFactorEnabled: boolean, lastTwoFactorAt: string | null, lockedUntil: string | null, email: { enabled: boolean, enabledAt: string | null }, totp: { enabled: boolean, enabledAt: string | null }, backupCodes: { total: number, remaining: number, generatedAt: string | null } } } };

export type UnlockMutationVariables = Exact<{
  userId: string;
}>;


export type UnlockMutation = { unlockAccount: { id: string, security: { twoFactorEnabled: boolean, lastTwoFactorAt: string | null, lockedUntil: string | null, email: { enabled: boolean, enabledAt: string | null }, totp: { enabled: boolean, enabledAt: string | null }, backupCodes: { total: number, remaining: number, generatedAt: string | null } } } };

export type OverviewQueryVariables = Exact<{ [key: string]: never; }>;


export type OverviewQuery = { securityOverview: { users: number, twoFactorEnabled: number, emailEnabled: number, totpEnabled: number, lockedNow: number, lowBackupCodes: number } };

export type SecurityPolicyQueryVariables = Exact<{ [key: string]: never; }>;


export type SecurityPolicyQuery = { securityPolicy: { requireTwoFactor: Array<Role>, gracePeriodDays: number, allowedMethods: Array<TwoFactorMethod>, phishingResistantFor: Array<Role>, sessionIdleMinutes: number | null, sessionMaxHours: number, trustedDeviceDays: number, updatedAt: string | null, updatedBy: { id: string, email: string } | null } };

export type UpdateSecurityPolicyMutationVariables = Exact<{
  input: SecurityPolicyInput;
}>;


export type UpdateSecurityPolicyMutation = { updateSecurityPolicy: { requireTwoFactor: Array<Role>, gracePeriodDays: number, allowedMethods: Array<TwoFactorMethod>, phishingResistantFor: Array<Role>, sessionIdleMinutes: number | null, sessionMaxHours: number, trustedDeviceDays: number, updatedAt: string | null, updatedBy: { id: string, email: string } | null } };

export type PolicyLoginMutationVariables = Exact<{
  email: string;
  password: string;
}>;


export type PolicyLoginMutation = { login:
    | { __typename: 'AuthSession', token: string, enrollmentRequired: boolean, user: { id: string, security: { twoFactorRequired: boolean, enrollmentDeadline: string | null } } }
    | { __typename: 'TwoFactorChallenge', challengeToken: string, methods: Array<TwoFactorMethod> }
   };

export type PolicyVerifyMutationVariables = Exact<{
  challengeToken: string;
  method: TwoFactorMethod;
  code: string;
}>;


export type PolicyVerifyMutation = { verifyCode: { token: string, enrollmentRequired: boolean } };

export type MyEnrollmentQueryVariables = Exact<{ [key: string]: never; }>;


export type MyEnrollmentQuery = { me: { id: string, security: { twoFactorRequired: boolean, enrollmentDeadline: string | null, twoFactorEnabled: boolean, email: { enabled: boolean }, totp: { enabled: boolean } } } };

export type ComplianceUsersQueryVariables = Exact<{
  status?: UserStatus | null | undefined;
  twoFactorCompliant?: boolean | null | undefined;
  search?: string | null | undefined;
  first?: number | null | undefined;
}>;


export type ComplianceUsersQuery = { users: { totalCount: number, edges: Array<{ node: { id: string, email: string, status: UserStatus, security: { twoFactorRequired: boolean, enrollmentDeadline: string | null } } }> } };

export type PolicyOverviewQueryVariables = Exact<{ [key: string]: never; }>;


export type PolicyOverviewQuery = { securityOverview: { users: number, nonCompliant: number, inGracePeriod: number, deactivated: number, invited: number } };

export type SecurityPolicyImpactQueryVariables = Exact<{
  input: SecurityPolicyInput;
}>;


export type SecurityPolicyImpactQuery = { securityPolicyImpact: { nonCompliant: number, restrictedAtOnce: number, deadline: string | null } };

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


export type InviteUserMutation = { inviteUser: { id: string, email: string, displayName: string, role: Role, status: UserStatus } };

export type ResendInviteMutationVariables = Exact<{
  userId: string;
}>;


export type ResendInviteMutation = { resendInvite: boolean };

export type SendPasswordResetMutationVariables = Exact<{
  userId: string;
}>;


export type SendPasswordResetMutation = { sendPasswordReset: boolean };

export type ResetUserStatusQueryVariables = Exact<{
  id: string;
}>;


export type ResetUserStatusQuery = { user: { id: string, status: UserStatus } | null };

export type MySessionsQueryVariables = Exact<{ [key: string]: never; }>;


export type MySessionsQuery = { mySessions: Array<{ id: string, createdAt: string, lastSeenAt: string, expiresAt: string, ip: string | null, userAgent: string | null, browser: string | null, os: string | null, signedInWith: SignInMethod, current: boolean }> };

export type RevokeSessionMutationVariables = Exact<{
  id: string;
}>;


export type RevokeSessionMutation = { revokeSession: boolean };

export type RevokeOtherSessionsMutationVariables = Exact<{ [key: string]: never; }>;


export type RevokeOtherSessionsMutation = { revokeOtherSessions: number };

export type UserSessionsQueryVariables = Exact<{
  userId: string;
}>;


export type UserSessionsQuery = { userSessions: Array<{ id: string, lastSeenAt: string, browser: string | null, os: string | null, ip: string | null, signedInWith: SignInMethod, current: boolean }> };

export type RevokeUserSessionsMutationVariables = Exact<{
  userId: string;
}>;


export type RevokeUserSessionsMutation = { revokeUserSessions: number };

export type SessionsMeQueryVariables = Exact<{ [key: string]: never; }>;


export type SessionsMeQuery = { me: { id: string, email: string } };

export type VerifyCodeLimitsMutationVariables = Exact<{
  challengeToken: string;
  method: TwoFactorMethod;
  code: string;
}>;


export type VerifyCodeLimitsMutation = { verifyCode: { token: string, backupCodesRemaining: number | null } };

export type SendLoginCodeLimitsMutationVariables = Exact<{
  challengeToken: string;
}>;


export type SendLoginCodeLimitsMutation = { sendLoginCode: { sentTo: string, expiresAt: string, resendAvailableAt: string } };

export type SetupEmailLimitsMutationVariables = Exact<{ [key: string]: never; }>;


export type SetupEmailLimitsMutation = { setupEmailTwoFactor: { sentTo: string, expiresAt: string, resendAvailableAt: string } };

export type SendReauthCodeLimitsMutationVariables = Exact<{ [key: string]: never; }>;


export type SendReauthCodeLimitsMutation = { sendReauthenticationCode: { sentTo: string, expiresAt: string, resendAvailableAt: string } };

export type SsoProvidersQueryVariables = Exact<{ [key: string]: never; }>;


export type SsoProvidersQuery = { ssoProviders: Array<{ id: string, kind: SsoProviderKind, displayName: string }> };

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

export type LinkProviderMutationVariables = Exact<{
  providerId: string;
}>;


export type LinkProviderMutation = { linkProvider: { authorizationUrl: string } };

export type UnlinkProviderMutationVariables = Exact<{
  providerId: string;
}>;


export type UnlinkProviderMutation = { unlinkProvider: { id: string, email: string } };

export type CompleteSsoLoginMutationVariables = Exact<{
  ticket: string;
}>;


export type CompleteSsoLoginMutation = { completeSsoLogin:
    | { __typename: 'AuthSession', token: string, expiresAt: string, user: { id: string, email: string, role: Role } }
    | { __typename: 'TwoFactorChallenge', challengeToken: string, methods: Array<TwoFactorMethod>, expiresAt: string, attemptsLeft: number, lockedUntil: string | null }
   };

export type BindSsoAccountMutationVariables = Exact<{
  ticket: string;
  email: string;
  password: string;
}>;


export type BindSsoAccountMutation = { bindSsoAccount:
    | { __typename: 'AuthSession', token: string, expiresAt: string, user: { id: string, email: string, role: Role } }
    | { __typename: 'TwoFactorChallenge', challengeToken: string, methods: Array<TwoFactorMethod>, expiresAt: string, attemptsLeft: number, lockedUntil: string | null }
   };

export type MySsoConnectionsQueryVariables = Exact<{ [key: string]: never; }>;


export type MySsoConnectionsQuery = { me: { id: string, security: { ssoConnections: Array<{ email: string | null, linkedAt: string, provider: { id: string, kind: SsoProviderKind, displayName: string } }> } } };

export type MySsoConnectionsVerifiedQueryVariables = Exact<{ [key: string]: never; }>;


export type MySsoConnectionsVerifiedQuery = { me: { id: string, security: { ssoConnections: Array<{ email: string | null, emailVerified: boolean, provider: { id: string } }> } } };

export type SsoTicketQueryVariables = Exact<{
  ticket: string;
}>;


export type SsoTicketQuery = { ssoTicket: { email: string | null, emailVerified: boolean, provider: { id: string, kind: SsoProviderKind, displayName: string } } };

export type UnlinkUserProviderMutationVariables = Exact<{
  userId: string;
  providerId: string;
  reason: string;
}>;


export type UnlinkUserProviderMutation = { unlinkUserProvider: { id: string, email: string } };

export type ResetTwoFactorUnlinkSsoMutationVariables = Exact<{
  userId: string;
  reason: string;
  unlinkSso?: boolean | null | undefined;
}>;


export type ResetTwoFactorUnlinkSsoMutation = { resetTwoFactor: { id: string, security: { twoFactorEnabled: boolean, ssoConnections: Array<{ provider: { id: string } }> } } };

export type SsoProviderDraftQueryVariables = Exact<{ [key: string]: never; }>;


export type SsoProviderDraftQuery = { ssoProviderDraft: { id: string, redirectUri: string } };

export type TestSsoProviderMutationVariables = Exact<{
  id: string;
}>;


export type TestSsoProviderMutation = { testSsoProvider: { authorizationUrl: string } };

export type SsoTestResultQueryVariables = Exact<{
  ticket: string;
}>;


export type SsoTestResultQuery = { ssoTestResult: { subject: string, email: string | null, emailVerified: boolean, provider: { id: string, displayName: string } } };

export type SortedUsersQueryVariables = Exact<{
  search?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  orderBy?: UserOrder | null | undefined;
}>;


export type SortedUsersQuery = { users: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, email: string, displayName: string, createdAt: string, lastLoginAt: string | null, security: { twoFactorEnabled: boolean, backupCodes: { remaining: number } } } }> } };

export type TriageSecurityQueryVariables = Exact<{
  id: string;
}>;


export type TriageSecurityQuery = { user: { id: string, security: { twoFactorEnabled: boolean, ssoConnections: Array<{ provider: { id: string } }> } } | null };

export type BeginWebAuthnRegistrationMutationVariables = Exact<{ [key: string]: never; }>;


export type BeginWebAuthnRegistrationMutation = { beginWebAuthnRegistration: string };

export type FinishWebAuthnRegistrationMutationVariables = Exact<{
  response: string;
  name: string;
}>;


export type FinishWebAuthnRegistrationMutation = { finishWebAuthnRegistration: { backupCodes: Array<string> | null, user: { id: string } } };

export type RenameWebAuthnCredentialMutationVariables = Exact<{
  id: string;
  name: string;
}>;


export type RenameWebAuthnCredentialMutation = { renameWebAuthnCredential: { id: string, name: string, passkey: boolean } };

export type RemoveWebAuthnCredentialMutationVariables = Exact<{
  id: string;
}>;


export type RemoveWebAuthnCredentialMutation = { removeWebAuthnCredential: { id: string, security: { twoFactorEnabled: boolean, lastTwoFactorAt: string | null, lockedUntil: string | null, webauthn: { enabled: boolean }, email: { enabled: boolean, enabledAt: string | null }, totp: { enabled: boolean, enabledAt: string | null }, backupCodes: { total: number, remaining: number, generatedAt: string | null } } } };

export type MyPasskeysQueryVariables = Exact<{ [key: string]: never; }>;


export type MyPasskeysQuery = { me: { id: string, security: { twoFactorEnabled: boolean, lastTwoFactorAt: string | null, lockedUntil: string | null, webauthn: { enabled: boolean, enabledAt: string | null }, webauthnCredentials: Array<{ id: string, name: string, createdAt: string, lastUsedAt: string | null, passkey: boolean }>, email: { enabled: boolean, enabledAt: string | null }, totp: { enabled: boolean, enabledAt: string | null }, backupCodes: { total: number, remaining: number, generatedAt: string | null } } } };

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


export type FinishPasskeyLoginMutation = { finishPasskeyLogin: { enrollmentRequired: boolean, token: string, expiresAt: string, user: { id: string, email: string, role: Role } } };

export type WebAuthnOverviewQueryVariables = Exact<{ [key: string]: never; }>;


export type WebAuthnOverviewQuery = { securityOverview: { webauthnEnabled: number, twoFactorEnabled: number } };

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
export const DeviceLoginDocument = new TypedDocumentString(`
    mutation DeviceLogin($email: String!, $password: String!) {
  login(email: $email, password: $password) {
    __typename
    ... on AuthSession {
      token
    }
    ... on TwoFactorChallenge {
      challengeToken
      methods
    }
  }
}
    `) as unknown as TypedDocumentString<DeviceLoginMutation, DeviceLoginMutationVariables>;
export const VerifyRememberDocument = new TypedDocumentString(`
    mutation VerifyRemember($challengeToken: String!, $method: TwoFactorMethod!, $code: String!, $rememberDevice: Boolean) {
  verifyCode(
    challengeToken: $challengeToken
    method: $method
    code: $code
    rememberDevice: $rememberDevice
  ) {
    token
  }
}
    `) as unknown as TypedDocumentString<VerifyRememberMutation, VerifyRememberMutationVariables>;
export const MyTrustedDevicesDocument = new TypedDocumentString(`
    query MyTrustedDevices {
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
    `) as unknown as TypedDocumentString<MyTrustedDevicesQuery, MyTrustedDevicesQueryVariables>;
export const RevokeTrustedDeviceDocument = new TypedDocumentString(`
    mutation RevokeTrustedDevice($id: ID!) {
  revokeTrustedDevice(id: $id)
}
    `) as unknown as TypedDocumentString<RevokeTrustedDeviceMutation, RevokeTrustedDeviceMutationVariables>;
export const RevokeAllTrustedDevicesDocument = new TypedDocumentString(`
    mutation RevokeAllTrustedDevices {
  revokeAllTrustedDevices
}
    `) as unknown as TypedDocumentString<RevokeAllTrustedDevicesMutation, RevokeAllTrustedDevicesMutationVariables>;
export const DeactivateUserDocument = new TypedDocumentString(`
    mutation DeactivateUser($userId: ID!, $reason: String!) {
  deactivateUser(userId: $userId, reason: $reason) {
    id
    status
    role
  }
}
    `) as unknown as TypedDocumentString<DeactivateUserMutation, DeactivateUserMutationVariables>;
export const ReactivateUserDocument = new TypedDocumentString(`
    mutation ReactivateUser($userId: ID!) {
  reactivateUser(userId: $userId) {
    id
    status
    role
  }
}
    `) as unknown as TypedDocumentString<ReactivateUserMutation, ReactivateUserMutationVariables>;
export const SetUserRoleDocument = new TypedDocumentString(`
    mutation SetUserRole($userId: ID!, $role: Role!) {
  setUserRole(userId: $userId, role: $role) {
    id
    status
    role
  }
}
    `) as unknown as TypedDocumentString<SetUserRoleMutation, SetUserRoleMutationVariables>;
export const UserStatusDocument = new TypedDocumentString(`
    query UserStatus($id: ID!) {
  user(id: $id) {
    id
    status
    role
  }
}
    `) as unknown as TypedDocumentString<UserStatusQuery, UserStatusQueryVariables>;
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
export const MeDocument = new TypedDocumentString(`
    query Me {
  me {
    id
    email
    displayName
    role
    createdAt
    lastLoginAt
  }
}
    `) as unknown as TypedDocumentString<MeQuery, MeQueryVariables>;
export const LogoutDocument = new TypedDocumentString(`
    mutation Logout {
  logout
}
    `) as unknown as TypedDocumentString<LogoutMutation, LogoutMutationVariables>;
export const CreateUserDocument = new TypedDocumentString(`
    mutation CreateUser($input: CreateUserInput!) {
  createUser(input: $input) {
    id
    email
    displayName
    role
    createdAt
  }
}
    `) as unknown as TypedDocumentString<CreateUserMutation, CreateUserMutationVariables>;
export const ChangePasswordDocument = new TypedDocumentString(`
    mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
  changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
}
    `) as unknown as TypedDocumentString<ChangePasswordMutation, ChangePasswordMutationVariables>;
export const MySecurityDocument = new TypedDocumentString(`
    query MySecurity {
  me {
    id
    security {
      ...SecurityState
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
}`) as unknown as TypedDocumentString<MySecurityQuery, MySecurityQueryVariables>;
export const SetupEmailDocument = new TypedDocumentString(`
    mutation SetupEmail {
  setupEmailTwoFactor {
    sentTo
    expiresAt
  }
}
    `) as unknown as TypedDocumentString<SetupEmailMutation, SetupEmailMutationVariables>;
export const ConfirmEmailDocument = new TypedDocumentString(`
    mutation ConfirmEmail($code: String!) {
  confirmEmailTwoFactor(code: $code) {
    backupCodes
    user {
      id
      security {
        ...SecurityState
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
}`) as unknown as TypedDocumentString<ConfirmEmailMutation, ConfirmEmailMutationVariables>;
export const DisableEmailDocument = new TypedDocumentString(`
    mutation DisableEmail {
  disableEmailTwoFactor {
    id
    security {
      ...SecurityState
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
}`) as unknown as TypedDocumentString<DisableEmailMutation, DisableEmailMutationVariables>;
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
      id
      security {
        ...SecurityState
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
}`) as unknown as TypedDocumentString<ConfirmTotpMutation, ConfirmTotpMutationVariables>;
export const DisableTotpDocument = new TypedDocumentString(`
    mutation DisableTotp {
  disableTotp {
    id
    security {
      ...SecurityState
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
}`) as unknown as TypedDocumentString<DisableTotpMutation, DisableTotpMutationVariables>;
export const BackupCodesDocument = new TypedDocumentString(`
    query BackupCodes {
  backupCodes {
    code
    used
  }
}
    `) as unknown as TypedDocumentString<BackupCodesQuery, BackupCodesQueryVariables>;
export const RegenerateDocument = new TypedDocumentString(`
    mutation Regenerate {
  regenerateBackupCodes
}
    `) as unknown as TypedDocumentString<RegenerateMutation, RegenerateMutationVariables>;
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
export const ReauthDocument = new TypedDocumentString(`
    mutation Reauth($password: String, $method: TwoFactorMethod, $code: String) {
  reauthenticate(password: $password, method: $method, code: $code)
}
    `) as unknown as TypedDocumentString<ReauthMutation, ReauthMutationVariables>;
export const SendReauthCodeDocument = new TypedDocumentString(`
    mutation SendReauthCode {
  sendReauthenticationCode {
    sentTo
    expiresAt
  }
}
    `) as unknown as TypedDocumentString<SendReauthCodeMutation, SendReauthCodeMutationVariables>;
export const MyEventsDocument = new TypedDocumentString(`
    query MyEvents($first: Int, $after: String) {
  mySecurityEvents(first: $first, after: $after) {
    edges {
      cursor
      node {
        id
        type
        createdAt
        detail
        ip
        userAgent
        user {
          id
        }
        actor {
          id
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<MyEventsQuery, MyEventsQueryVariables>;
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
        id
        email
        displayName
        security {
          ...SecurityState
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
}`) as unknown as TypedDocumentString<UsersQuery, UsersQueryVariables>;
export const UserDocument = new TypedDocumentString(`
    query User($id: ID!) {
  user(id: $id) {
    id
    email
    security {
      ...SecurityState
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
}`) as unknown as TypedDocumentString<UserQuery, UserQueryVariables>;
export const EventsDocument = new TypedDocumentString(`
    query Events($userId: ID, $first: Int, $after: String) {
  securityEvents(userId: $userId, first: $first, after: $after) {
    edges {
      cursor
      node {
        id
        type
        detail
        createdAt
        user {
          id
        }
        actor {
          id
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
    `) as unknown as TypedDocumentString<EventsQuery, EventsQueryVariables>;
export const ResetDocument = new TypedDocumentString(`
    mutation Reset($userId: ID!, $reason: String!) {
  resetTwoFactor(userId: $userId, reason: $reason) {
    id
    security {
      ...SecurityState
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
}`) as unknown as TypedDocumentString<ResetMutation, ResetMutationVariables>;
export const UnlockDocument = new TypedDocumentString(`
    mutation Unlock($userId: ID!) {
  unlockAccount(userId: $userId) {
    id
    security {
      ...SecurityState
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
}`) as unknown as TypedDocumentString<UnlockMutation, UnlockMutationVariables>;
export const OverviewDocument = new TypedDocumentString(`
    query Overview {
  securityOverview {
    users
    twoFactorEnabled
    emailEnabled
    totpEnabled
    lockedNow
    lowBackupCodes
  }
}
    `) as unknown as TypedDocumentString<OverviewQuery, OverviewQueryVariables>;
export const SecurityPolicyDocument = new TypedDocumentString(`
    query SecurityPolicy {
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
      id
      email
    }
  }
}
    `) as unknown as TypedDocumentString<SecurityPolicyQuery, SecurityPolicyQueryVariables>;
export const UpdateSecurityPolicyDocument = new TypedDocumentString(`
    mutation UpdateSecurityPolicy($input: SecurityPolicyInput!) {
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
      id
      email
    }
  }
}
    `) as unknown as TypedDocumentString<UpdateSecurityPolicyMutation, UpdateSecurityPolicyMutationVariables>;
export const PolicyLoginDocument = new TypedDocumentString(`
    mutation PolicyLogin($email: String!, $password: String!) {
  login(email: $email, password: $password) {
    __typename
    ... on AuthSession {
      token
      enrollmentRequired
      user {
        id
        security {
          twoFactorRequired
          enrollmentDeadline
        }
      }
    }
    ... on TwoFactorChallenge {
      challengeToken
      methods
    }
  }
}
    `) as unknown as TypedDocumentString<PolicyLoginMutation, PolicyLoginMutationVariables>;
export const PolicyVerifyDocument = new TypedDocumentString(`
    mutation PolicyVerify($challengeToken: String!, $method: TwoFactorMethod!, $code: String!) {
  verifyCode(challengeToken: $challengeToken, method: $method, code: $code) {
    token
    enrollmentRequired
  }
}
    `) as unknown as TypedDocumentString<PolicyVerifyMutation, PolicyVerifyMutationVariables>;
export const MyEnrollmentDocument = new TypedDocumentString(`
    query MyEnrollment {
  me {
    id
    security {
      twoFactorRequired
      enrollmentDeadline
      twoFactorEnabled
      email {
        enabled
      }
      totp {
        enabled
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MyEnrollmentQuery, MyEnrollmentQueryVariables>;
export const ComplianceUsersDocument = new TypedDocumentString(`
    query ComplianceUsers($status: UserStatus, $twoFactorCompliant: Boolean, $search: String, $first: Int) {
  users(
    status: $status
    twoFactorCompliant: $twoFactorCompliant
    search: $search
    first: $first
  ) {
    totalCount
    edges {
      node {
        id
        email
        status
        security {
          twoFactorRequired
          enrollmentDeadline
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ComplianceUsersQuery, ComplianceUsersQueryVariables>;
export const PolicyOverviewDocument = new TypedDocumentString(`
    query PolicyOverview {
  securityOverview {
    users
    nonCompliant
    inGracePeriod
    deactivated
    invited
  }
}
    `) as unknown as TypedDocumentString<PolicyOverviewQuery, PolicyOverviewQueryVariables>;
export const SecurityPolicyImpactDocument = new TypedDocumentString(`
    query SecurityPolicyImpact($input: SecurityPolicyInput!) {
  securityPolicyImpact(input: $input) {
    nonCompliant
    restrictedAtOnce
    deadline
  }
}
    `) as unknown as TypedDocumentString<SecurityPolicyImpactQuery, SecurityPolicyImpactQueryVariables>;
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
    status
  }
}
    `) as unknown as TypedDocumentString<InviteUserMutation, InviteUserMutationVariables>;
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
export const ResetUserStatusDocument = new TypedDocumentString(`
    query ResetUserStatus($id: ID!) {
  user(id: $id) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<ResetUserStatusQuery, ResetUserStatusQueryVariables>;
export const MySessionsDocument = new TypedDocumentString(`
    query MySessions {
  mySessions {
    id
    createdAt
    lastSeenAt
    expiresAt
    ip
    userAgent
    browser
    os
    signedInWith
    current
  }
}
    `) as unknown as TypedDocumentString<MySessionsQuery, MySessionsQueryVariables>;
export const RevokeSessionDocument = new TypedDocumentString(`
    mutation RevokeSession($id: ID!) {
  revokeSession(id: $id)
}
    `) as unknown as TypedDocumentString<RevokeSessionMutation, RevokeSessionMutationVariables>;
export const RevokeOtherSessionsDocument = new TypedDocumentString(`
    mutation RevokeOtherSessions {
  revokeOtherSessions
}
    `) as unknown as TypedDocumentString<RevokeOtherSessionsMutation, RevokeOtherSessionsMutationVariables>;
export const UserSessionsDocument = new TypedDocumentString(`
    query UserSessions($userId: ID!) {
  userSessions(userId: $userId) {
    id
    lastSeenAt
    browser
    os
    ip
    signedInWith
    current
  }
}
    `) as unknown as TypedDocumentString<UserSessionsQuery, UserSessionsQueryVariables>;
export const RevokeUserSessionsDocument = new TypedDocumentString(`
    mutation RevokeUserSessions($userId: ID!) {
  revokeUserSessions(userId: $userId)
}
    `) as unknown as TypedDocumentString<RevokeUserSessionsMutation, RevokeUserSessionsMutationVariables>;
export const SessionsMeDocument = new TypedDocumentString(`
    query SessionsMe {
  me {
    id
    email
  }
}
    `) as unknown as TypedDocumentString<SessionsMeQuery, SessionsMeQueryVariables>;
export const VerifyCodeLimitsDocument = new TypedDocumentString(`
    mutation VerifyCodeLimits($challengeToken: String!, $method: TwoFactorMethod!, $code: String!) {
  verifyCode(challengeToken: $challengeToken, method: $method, code: $code) {
    token
    backupCodesRemaining
  }
}
    `) as unknown as TypedDocumentString<VerifyCodeLimitsMutation, VerifyCodeLimitsMutationVariables>;
export const SendLoginCodeLimitsDocument = new TypedDocumentString(`
    mutation SendLoginCodeLimits($challengeToken: String!) {
  sendLoginCode(challengeToken: $challengeToken) {
    sentTo
    expiresAt
    resendAvailableAt
  }
}
    `) as unknown as TypedDocumentString<SendLoginCodeLimitsMutation, SendLoginCodeLimitsMutationVariables>;
export const SetupEmailLimitsDocument = new TypedDocumentString(`
    mutation SetupEmailLimits {
  setupEmailTwoFactor {
    sentTo
    expiresAt
    resendAvailableAt
  }
}
    `) as unknown as TypedDocumentString<SetupEmailLimitsMutation, SetupEmailLimitsMutationVariables>;
export const SendReauthCodeLimitsDocument = new TypedDocumentString(`
    mutation SendReauthCodeLimits {
  sendReauthenticationCode {
    sentTo
    expiresAt
    resendAvailableAt
  }
}
    `) as unknown as TypedDocumentString<SendReauthCodeLimitsMutation, SendReauthCodeLimitsMutationVariables>;
export const SsoProvidersDocument = new TypedDocumentString(`
    query SsoProviders {
  ssoProviders {
    id
    kind
    displayName
  }
}
    `) as unknown as TypedDocumentString<SsoProvidersQuery, SsoProvidersQueryVariables>;
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
    email
  }
}
    `) as unknown as TypedDocumentString<UnlinkProviderMutation, UnlinkProviderMutationVariables>;
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
export const MySsoConnectionsDocument = new TypedDocumentString(`
    query MySsoConnections {
  me {
    id
    security {
      ssoConnections {
        provider {
          id
          kind
          displayName
        }
        email
        linkedAt
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MySsoConnectionsQuery, MySsoConnectionsQueryVariables>;
export const MySsoConnectionsVerifiedDocument = new TypedDocumentString(`
    query MySsoConnectionsVerified {
  me {
    id
    security {
      ssoConnections {
        provider {
          id
        }
        email
        emailVerified
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MySsoConnectionsVerifiedQuery, MySsoConnectionsVerifiedQueryVariables>;
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
export const UnlinkUserProviderDocument = new TypedDocumentString(`
    mutation UnlinkUserProvider($userId: ID!, $providerId: ID!, $reason: String!) {
  unlinkUserProvider(userId: $userId, providerId: $providerId, reason: $reason) {
    id
    email
  }
}
    `) as unknown as TypedDocumentString<UnlinkUserProviderMutation, UnlinkUserProviderMutationVariables>;
export const ResetTwoFactorUnlinkSsoDocument = new TypedDocumentString(`
    mutation ResetTwoFactorUnlinkSso($userId: ID!, $reason: String!, $unlinkSso: Boolean) {
  resetTwoFactor(userId: $userId, reason: $reason, unlinkSso: $unlinkSso) {
    id
    security {
      twoFactorEnabled
      ssoConnections {
        provider {
          id
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ResetTwoFactorUnlinkSsoMutation, ResetTwoFactorUnlinkSsoMutationVariables>;
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
      displayName
    }
    subject
    email
    emailVerified
  }
}
    `) as unknown as TypedDocumentString<SsoTestResultQuery, SsoTestResultQueryVariables>;
export const SortedUsersDocument = new TypedDocumentString(`
    query SortedUsers($search: String, $first: Int, $after: String, $orderBy: UserOrder) {
  users(search: $search, first: $first, after: $after, orderBy: $orderBy) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      cursor
      node {
        id
        email
        displayName
        createdAt
        lastLoginAt
        security {
          twoFactorEnabled
          backupCodes {
            remaining
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SortedUsersQuery, SortedUsersQueryVariables>;
export const TriageSecurityDocument = new TypedDocumentString(`
    query TriageSecurity($id: ID!) {
  user(id: $id) {
    id
    security {
      twoFactorEnabled
      ssoConnections {
        provider {
          id
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TriageSecurityQuery, TriageSecurityQueryVariables>;
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
      id
    }
  }
}
    `) as unknown as TypedDocumentString<FinishWebAuthnRegistrationMutation, FinishWebAuthnRegistrationMutationVariables>;
export const RenameWebAuthnCredentialDocument = new TypedDocumentString(`
    mutation RenameWebAuthnCredential($id: ID!, $name: String!) {
  renameWebAuthnCredential(id: $id, name: $name) {
    id
    name
    passkey
  }
}
    `) as unknown as TypedDocumentString<RenameWebAuthnCredentialMutation, RenameWebAuthnCredentialMutationVariables>;
export const RemoveWebAuthnCredentialDocument = new TypedDocumentString(`
    mutation RemoveWebAuthnCredential($id: ID!) {
  removeWebAuthnCredential(id: $id) {
    id
    security {
      ...SecurityState
      webauthn {
        enabled
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
}`) as unknown as TypedDocumentString<RemoveWebAuthnCredentialMutation, RemoveWebAuthnCredentialMutationVariables>;
export const MyPasskeysDocument = new TypedDocumentString(`
    query MyPasskeys {
  me {
    id
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
}`) as unknown as TypedDocumentString<MyPasskeysQuery, MyPasskeysQueryVariables>;
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
    ...Session
    enrollmentRequired
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
}`) as unknown as TypedDocumentString<FinishPasskeyLoginMutation, FinishPasskeyLoginMutationVariables>;
export const WebAuthnOverviewDocument = new TypedDocumentString(`
    query WebAuthnOverview {
  securityOverview {
    webauthnEnabled
    twoFactorEnabled
  }
}
    `) as unknown as TypedDocumentString<WebAuthnOverviewQuery, WebAuthnOverviewQueryVariables>;