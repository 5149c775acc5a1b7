/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "fragment SecurityState on AccountSecurity {\n  twoFactorEnabled\n  lastTwoFactorAt\n  lockedUntil\n  email {\n    enabled\n    enabledAt\n  }\n  totp {\n    enabled\n    enabledAt\n  }\n  backupCodes {\n    total\n    remaining\n    generatedAt\n  }\n}\n\nfragment Session on AuthSession {\n  token\n  expiresAt\n  user {\n    id\n    email\n    role\n  }\n}\n\nfragment LoginOutcome on LoginResult {\n  __typename\n  ... on AuthSession {\n    ...Session\n  }\n  ... on TwoFactorChallenge {\n    challengeToken\n    methods\n    expiresAt\n    attemptsLeft\n    lockedUntil\n  }\n}\n\nfragment ProviderConfig on SsoProviderConfig {\n  id\n  kind\n  displayName\n  clientId\n  issuer\n  tenant\n  allowedTenants\n  enabled\n  requireTwoFactor\n  redirectUri\n  discoveryProblem\n  linkedAccounts\n}": typeof types.SecurityStateFragmentDoc,
    "\n  mutation DeviceLogin($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      __typename\n      ... on AuthSession { token }\n      ... on TwoFactorChallenge { challengeToken methods }\n    }\n  }\n": typeof types.DeviceLoginDocument,
    "\n  mutation VerifyRemember($challengeToken: String!, $method: TwoFactorMethod!, $code: String!, $rememberDevice: Boolean) {\n    verifyCode(challengeToken: $challengeToken, method: $method, code: $code, rememberDevice: $rememberDevice) { token }\n  }\n": typeof types.VerifyRememberDocument,
    "\n  query MyTrustedDevices { myTrustedDevices { id createdAt lastUsedAt expiresAt browser os ip current } }\n": typeof types.MyTrustedDevicesDocument,
    "\n  mutation RevokeTrustedDevice($id: ID!) { revokeTrustedDevice(id: $id) }\n": typeof types.RevokeTrustedDeviceDocument,
    "\n  mutation RevokeAllTrustedDevices { revokeAllTrustedDevices }\n": typeof types.RevokeAllTrustedDevicesDocument,
    "\n  mutation DeactivateUser($userId: ID!, $reason: String!) { deactivateUser(userId: $userId, reason: $reason) { id status role } }\n": typeof types.DeactivateUserDocument,
    "\n  mutation ReactivateUser($userId: ID!) { reactivateUser(userId: $userId) { id status role } }\n": typeof types.ReactivateUserDocument,
    "\n  mutation SetUserRole($userId: ID!, $role: Role!) { setUserRole(userId: $userId, role: $role) { id status role } }\n": typeof types.SetUserRoleDocument,
    "query UserStatus($id: ID!) { user(id: $id) { id status role } }": typeof types.UserStatusDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) { ...LoginOutcome }\n  }\n": typeof types.LoginDocument,
    "query Me { me { id email displayName role createdAt lastLoginAt } }": typeof types.MeDocument,
    "mutation Logout { logout }": typeof types.LogoutDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) { id email displayName role createdAt }\n  }\n": typeof types.CreateUserDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n": typeof types.ChangePasswordDocument,
    "query MySecurity { me { id security { ...SecurityState } } }": typeof types.MySecurityDocument,
    "mutation SetupEmail { setupEmailTwoFactor { sentTo expiresAt } }": typeof types.SetupEmailDocument,
    "\n  mutation ConfirmEmail($code: String!) {\n    confirmEmailTwoFactor(code: $code) { backupCodes user { id security { ...SecurityState } } }\n  }\n": typeof types.ConfirmEmailDocument,
    "mutation DisableEmail { disableEmailTwoFactor { id security { ...SecurityState } } }": typeof types.DisableEmailDocument,
    "mutation EnableTotp { enableTotp { secret otpauthUrl qrCodeDataUrl } }": typeof types.EnableTotpDocument,
    "\n  mutation ConfirmTotp($code: String!) {\n    confirmTotp(code: $code) { backupCodes user { id security { ...SecurityState } } }\n  }\n": typeof types.ConfirmTotpDocument,
    "mutation DisableTotp { disableTotp { id security { ...SecurityState } } }": typeof types.DisableTotpDocument,
    "query BackupCodes { backupCodes { code used } }": typeof types.BackupCodesDocument,
    "mutation Regenerate { regenerateBackupCodes }": typeof types.RegenerateDocument,
    "\n  mutation SendLoginCode($challengeToken: String!) {\n    sendLoginCode(challengeToken: $challengeToken) { sentTo expiresAt }\n  }\n": typeof types.SendLoginCodeDocument,
    "\n  mutation VerifyCode($challengeToken: String!, $method: TwoFactorMethod!, $code: String!) {\n    verifyCode(challengeToken: $challengeToken, method: $method, code: $code) { ...Session }\n  }\n": typeof types.VerifyCodeDocument,
    "\n  mutation Reauth($password: String, $method: TwoFactorMethod, $code: String) {\n    reauthenticate(password: $password, method: $method, code: $code)\n  }\n": typeof types.ReauthDocument,
    "mutation SendReauthCode { sendReauthenticationCode { sentTo expiresAt } }": typeof types.SendReauthCodeDocument,
    "\n  query MyEvents($first: Int, $after: String) {\n    mySecurityEvents(first: $first, after: $after) {\n      edges { cursor node { id type createdAt detail ip userAgent user { id } actor { id } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.MyEventsDocument,
    "\n  query Users($search: String, $twoFactorEnabled: Boolean, $method: EnabledMethodFilter, $locked: Boolean, $backupCodesRemainingAtMost: Int, $first: Int, $after: String) {\n    users(search: $search, twoFactorEnabled: $twoFactorEnabled, method: $method, locked: $locked, backupCodesRemainingAtMost: $backupCodesRemainingAtMost, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { cursor node { id email displayName security { ...SecurityState } } }\n    }\n  }\n": typeof types.UsersDocument,
    "query User($id: ID!) { user(id: $id) { id email security { ...SecurityState } } }": typeof types.UserDocument,
    "\n  query Events($userId: ID, $first: Int, $after: String) {\n    securityEvents(userId: $userId, first: $first, after: $after) {\n      edges { cursor node { id type detail createdAt user { id } actor { id email } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.EventsDocument,
    "\n  mutation Reset($userId: ID!, $reason: String!) { resetTwoFactor(userId: $userId, reason: $reason) { id security { ...SecurityState } } }\n": typeof types.ResetDocument,
    "mutation Unlock($userId: ID!) { unlockAccount(userId: $userId) { id security { ...SecurityState } } }": typeof types.UnlockDocument,
    "\n  query Overview { securityOverview { users twoFactorEnabled emailEnabled totpEnabled lockedNow lowBackupCodes } }\n": typeof types.OverviewDocument,
    "\n  query SecurityPolicy {\n    securityPolicy {\n      requireTwoFactor gracePeriodDays allowedMethods phishingResistantFor\n      sessionIdleMinutes sessionMaxHours trustedDeviceDays updatedAt updatedBy { id email }\n    }\n  }\n": typeof types.SecurityPolicyDocument,
    "\n  mutation UpdateSecurityPolicy($input: SecurityPolicyInput!) {\n    updateSecurityPolicy(input: $input) {\n      requireTwoFactor gracePeriodDays allowedMethods phishingResistantFor\n      sessionIdleMinutes sessionMaxHours trustedDeviceDays updatedAt updatedBy { id email }\n    }\n  }\n": typeof types.UpdateSecurityPolicyDocument,
    "\n  mutation PolicyLogin($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      __typename\n      ... on AuthSession { token enrollmentRequired user { id security { twoFactorRequired enrollmentDeadline } } }\n      ... on TwoFactorChallenge { challengeToken methods }\n    }\n  }\n": typeof types.PolicyLoginDocument,
    "\n  mutation PolicyVerify($challengeToken: String!, $method: TwoFactorMethod!, $code: String!) {\n    verifyCode(challengeToken: $challengeToken, method: $method, code: $code) { token enrollmentRequired }\n  }\n": typeof types.PolicyVerifyDocument,
    "\n  query MyEnrollment { me { id security { twoFactorRequired enrollmentDeadline twoFactorEnabled email { enabled } totp { enabled } } } }\n": typeof types.MyEnrollmentDocument,
    "\n  query ComplianceUsers($status: UserStatus, $twoFactorCompliant: Boolean, $search: String, $first: Int) {\n    users(status: $status, twoFactorCompliant: $twoFactorCompliant, search: $search, first: $first) {\n      totalCount\n      edges { node { id email status security { twoFactorRequired enrollmentDeadline } } }\n    }\n  }\n": typeof types.ComplianceUsersDocument,
    "\n  query PolicyOverview { securityOverview { users nonCompliant inGracePeriod deactivated invited } }\n": typeof types.PolicyOverviewDocument,
    "\n  query SecurityPolicyImpact($input: SecurityPolicyInput!) { securityPolicyImpact(input: $input) { nonCompliant restrictedAtOnce deadline } }\n": typeof types.SecurityPolicyImpactDocument,
    "\n  mutation RequestPasswordReset($email: String!) { requestPasswordReset(email: $email) }\n": typeof types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword) { ...LoginOutcome }\n  }\n": typeof types.ResetPasswordDocument,
    "\n  mutation InviteUser($input: InviteUserInput!) { inviteUser(input: $input) { id email displayName role status } }\n": typeof types.InviteUserDocument,
    "mutation ResendInvite($userId: ID!) { resendInvite(userId: $userId) }": typeof types.ResendInviteDocument,
    "mutation SendPasswordReset($userId: ID!) { sendPasswordReset(userId: $userId) }": typeof types.SendPasswordResetDocument,
    "query ResetUserStatus($id: ID!) { user(id: $id) { id status } }": typeof types.ResetUserStatusDocument,
    "\n  query MySessions {\n    mySessions { id createdAt lastSeenAt expiresAt ip userAgent browser os signedInWith current }\n  }\n": typeof types.MySessionsDocument,
    "mutation RevokeSession($id: ID!) { revokeSession(id: $id) }": typeof types.RevokeSessionDocument,
    "mutation RevokeOtherSessions { revokeOtherSessions }": typeof types.RevokeOtherSessionsDocument,
    "\n  query UserSessions($userId: ID!) {\n    userSessions(userId: $userId) { id lastSeenAt browser os ip signedInWith current }\n  }\n": typeof types.UserSessionsDocument,
    "mutation RevokeUserSessions($userId: ID!) { revokeUserSessions(userId: $userId) }": typeof types.RevokeUserSessionsDocument,
    "query SessionsMe { me { id email } }": typeof types.SessionsMeDocument,
    "\n  mutation VerifyCodeLimits($challengeToken: String!, $method: TwoFactorMethod!, $code: String!) {\n    verifyCode(challengeToken: $challengeToken, method: $method, code: $code) { token backupCodesRemaining }\n  }\n": typeof types.VerifyCodeLimitsDocument,
    "\n  mutation SendLoginCodeLimits($challengeToken: String!) { sendLoginCode(challengeToken: $challengeToken) { sentTo expiresAt resendAvailableAt } }\n": typeof types.SendLoginCodeLimitsDocument,
    "mutation SetupEmailLimits { setupEmailTwoFactor { sentTo expiresAt resendAvailableAt } }": typeof types.SetupEmailLimitsDocument,
    "mutation SendReauthCodeLimits { sendReauthenticationCode { sentTo expiresAt resendAvailableAt } }": typeof types.SendReauthCodeLimitsDocument,
    "query SsoProviders { ssoProviders { id kind displayName } }": typeof types.SsoProvidersDocument,
    "query AdminSsoProviders { adminSsoProviders { ...ProviderConfig } }": typeof types.AdminSsoProvidersDocument,
    "\n  mutation ConfigureSsoProvider($input: SsoProviderInput!) { configureSsoProvider(input: $input) { ...ProviderConfig } }\n": typeof types.ConfigureSsoProviderDocument,
    "mutation RemoveSsoProvider($id: ID!) { removeSsoProvider(id: $id) }": typeof types.RemoveSsoProviderDocument,
    "mutation LinkProvider($providerId: ID!) { linkProvider(providerId: $providerId) { authorizationUrl } }": typeof types.LinkProviderDocument,
    "mutation UnlinkProvider($providerId: ID!) { unlinkProvider(providerId: $providerId) { id email } }": typeof types.UnlinkProviderDocument,
    "mutation CompleteSsoLogin($ticket: String!) { completeSsoLogin(ticket: $ticket) { ...LoginOutcome } }": typeof types.CompleteSsoLoginDocument,
    "\n  mutation BindSsoAccount($ticket: String!, $email: String!, $password: String!) {\n    bindSsoAccount(ticket: $ticket, email: $email, password: $password) { ...LoginOutcome }\n  }\n": typeof types.BindSsoAccountDocument,
    "\n  query MySsoConnections { me { id security { ssoConnections { provider { id kind displayName } email linkedAt } } } }\n": typeof types.MySsoConnectionsDocument,
    "\n  query MySsoConnectionsVerified { me { id security { ssoConnections { provider { id } email emailVerified } } } }\n": typeof types.MySsoConnectionsVerifiedDocument,
    "\n  query SsoTicket($ticket: String!) { ssoTicket(ticket: $ticket) { provider { id kind displayName } email emailVerified } }\n": typeof types.SsoTicketDocument,
    "\n  mutation UnlinkUserProvider($userId: ID!, $providerId: ID!, $reason: String!) {\n    unlinkUserProvider(userId: $userId, providerId: $providerId, reason: $reason) { id email }\n  }\n": typeof types.UnlinkUserProviderDocument,
    "\n  mutation ResetTwoFactorUnlinkSso($userId: ID!, $reason: String!, $unlinkSso: Boolean) {\n    resetTwoFactor(userId: $userId, reason: $reason, unlinkSso: $unlinkSso) { id security { twoFactorEnabled ssoConnections { provider { id } } } }\n  }\n": typeof types.ResetTwoFactorUnlinkSsoDocument,
    "query SsoProviderDraft { ssoProviderDraft { id redirectUri } }": typeof types.SsoProviderDraftDocument,
    "mutation TestSsoProvider($id: ID!) { testSsoProvider(id: $id) { authorizationUrl } }": typeof types.TestSsoProviderDocument,
    "\n  query SsoTestResult($ticket: String!) { ssoTestResult(ticket: $ticket) { provider { id displayName } subject email emailVerified } }\n": typeof types.SsoTestResultDocument,
    "\n  query SortedUsers($search: String, $first: Int, $after: String, $orderBy: UserOrder) {\n    users(search: $search, first: $first, after: $after, orderBy: $orderBy) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { cursor node { id email displayName createdAt lastLoginAt security { twoFactorEnabled backupCodes { remaining } } } }\n    }\n  }\n": typeof types.SortedUsersDocument,
    "\n  query TriageSecurity($id: ID!) { user(id: $id) { id security { twoFactorEnabled ssoConnections { provider { id } } } } }\n": typeof types.TriageSecurityDocument,
    "mutation BeginWebAuthnRegistration { beginWebAuthnRegistration }": typeof types.BeginWebAuthnRegistrationDocument,
    "\n  mutation FinishWebAuthnRegistration($response: String!, $name: String!) {\n    finishWebAuthnRegistration(response: $response, name: $name) { backupCodes user { id } }\n  }\n": typeof types.FinishWebAuthnRegistrationDocument,
    "\n  mutation RenameWebAuthnCredential($id: ID!, $name: String!) { renameWebAuthnCredential(id: $id, name: $name) { id name passkey } }\n": typeof types.RenameWebAuthnCredentialDocument,
    "\n  mutation RemoveWebAuthnCredential($id: ID!) { removeWebAuthnCredential(id: $id) { id security { ...SecurityState webauthn { enabled } } } }\n": typeof types.RemoveWebAuthnCredentialDocument,
    "\n  query MyPasskeys {\n    me { id security { ...SecurityState webauthn { enabled enabledAt } webauthnCredentials { id name createdAt lastUsedAt passkey } } }\n  }\n": typeof types.MyPasskeysDocument,
    "mutation BeginWebAuthnChallenge($challengeToken: String!) { beginWebAuthnChallenge(challengeToken: $challengeToken) }": typeof types.BeginWebAuthnChallengeDocument,
    "mutation BeginWebAuthnReauthentication { beginWebAuthnReauthentication }": typeof types.BeginWebAuthnReauthenticationDocument,
    "mutation BeginPasskeyLogin { beginPasskeyLogin { loginToken options } }": typeof types.BeginPasskeyLoginDocument,
    "\n  mutation FinishPasskeyLogin($loginToken: String!, $response: String!) {\n    finishPasskeyLogin(loginToken: $loginToken, response: $response) { ...Session enrollmentRequired }\n  }\n": typeof types.FinishPasskeyLoginDocument,
    "query WebAuthnOverview { securityOverview { webauthnEnabled twoFactorEnabled } }": typeof types.WebAuthnOverviewDocument,
};
const documents: Documents = {
    "fragment SecurityState on AccountSecurity {\n  twoFactorEnabled\n  lastTwoFactorAt\n  lockedUntil\n  email {\n    enabled\n    enabledAt\n  }\n  totp {\n    enabled\n    enabledAt\n  }\n  backupCodes {\n    total\n    remaining\n    generatedAt\n  }\n}\n\nfragment Session on AuthSession {\n  token\n  expiresAt\n  user {\n    id\n    email\n    role\n  }\n}\n\nfragment LoginOutcome on LoginResult {\n  __typename\n  ... on AuthSession {\n    ...Session\n  }\n  ... on TwoFactorChallenge {\n    challengeToken\n    methods\n    expiresAt\n    attemptsLeft\n    lockedUntil\n  }\n}\n\nfragment ProviderConfig on SsoProviderConfig {\n  id\n  kind\n  displayName\n  clientId\n  issuer\n  tenant\n  allowedTenants\n  enabled\n  requireTwoFactor\n  redirectUri\n  discoveryProblem\n  linkedAccounts\n}": types.SecurityStateFragmentDoc,
    "\n  mutation DeviceLogin($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      __typename\n      ... on AuthSession { token }\n      ... on TwoFactorChallenge { challengeToken methods }\n    }\n  }\n": types.DeviceLoginDocument,
    "\n  mutation VerifyRemember($challengeToken: String!, $method: TwoFactorMethod!, $code: String!, $rememberDevice: Boolean) {\n    verifyCode(challengeToken: $challengeToken, method: $method, code: $code, rememberDevice: $rememberDevice) { token }\n  }\n": types.VerifyRememberDocument,
    "\n  query MyTrustedDevices { myTrustedDevices { id createdAt lastUsedAt expiresAt browser os ip current } }\n": types.MyTrustedDevicesDocument,
    "\n  mutation RevokeTrustedDevice($id: ID!) { revokeTrustedDevice(id: $id) }\n": types.RevokeTrustedDeviceDocument,
    "\n  mutation RevokeAllTrustedDevices { revokeAllTrustedDevices }\n": types.RevokeAllTrustedDevicesDocument,
    "\n  mutation DeactivateUser($userId: ID!, $reason: String!) { deactivateUser(userId: $userId, reason: $reason) { id status role } }\n": types.DeactivateUserDocument,
    "\n  mutation ReactivateUser($userId: ID!) { reactivateUser(userId: $userId) { id status role } }\n": types.ReactivateUserDocument,
    "\n  mutation SetUserRole($userId: ID!, $role: Role!) { setUserRole(userId: $userId, role: $role) { id status role } }\n": types.SetUserRoleDocument,
    "query UserStatus($id: ID!) { user(id: $id) { id status role } }": types.UserStatusDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) { ...LoginOutcome }\n  }\n": types.LoginDocument,
    "query Me { me { id email displayName role createdAt lastLoginAt } }": types.MeDocument,
    "mutation Logout { logout }": types.LogoutDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) { id email displayName role createdAt }\n  }\n": types.CreateUserDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n": types.ChangePasswordDocument,
    "query MySecurity { me { id security { ...SecurityState } } }": types.MySecurityDocument,
    "mutation SetupEmail { setupEmailTwoFactor { sentTo expiresAt } }": types.SetupEmailDocument,
    "\n  mutation ConfirmEmail($code: String!) {\n    confirmEmailTwoFactor(code: $code) { backupCodes user { id security { ...SecurityState } } }\n  }\n": types.ConfirmEmailDocument,
    "mutation DisableEmail { disableEmailTwoFactor { id security { ...SecurityState } } }": types.DisableEmailDocument,
    "mutation EnableTotp { enableTotp { secret otpauthUrl qrCodeDataUrl } }": types.EnableTotpDocument,
    "\n  mutation ConfirmTotp($code: String!) {\n    confirmTotp(code: $code) { backupCodes user { id security { ...SecurityState } } }\n  }\n": types.ConfirmTotpDocument,
    "mutation DisableTotp { disableTotp { id security { ...SecurityState } } }": types.DisableTotpDocument,
    "query BackupCodes { backupCodes { code used } }": types.BackupCodesDocument,
    "mutation Regenerate { regenerateBackupCodes }": types.RegenerateDocument,
    "\n  mutation SendLoginCode($challengeToken: String!) {\n    sendLoginCode(challengeToken: $challengeToken) { sentTo expiresAt }\n  }\n": types.SendLoginCodeDocument,
    "\n  mutation VerifyCode($challengeToken: String!, $method: TwoFactorMethod!, $code: String!) {\n    verifyCode(challengeToken: $challengeToken, method: $method, code: $code) { ...Session }\n  }\n": types.VerifyCodeDocument,
    "\n  mutation Reauth($password: String, $method: TwoFactorMethod, $code: String) {\n    reauthenticate(password: $password, method: $method, code: $code)\n  }\n": types.ReauthDocument,
    "mutation SendReauthCode { sendReauthenticationCode { sentTo expiresAt } }": types.SendReauthCodeDocument,
    "\n  query MyEvents($first: Int, $after: String) {\n    mySecurityEvents(first: $first, after: $after) {\n      edges { cursor node { id type createdAt detail ip userAgent user { id } actor { id } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.MyEventsDocument,
    "\n  query Users($search: String, $twoFactorEnabled: Boolean, $method: EnabledMethodFilter, $locked: Boolean, $backupCodesRemainingAtMost: Int, $first: Int, $after: String) {\n    users(search: $search, twoFactorEnabled: $twoFactorEnabled, method: $method, locked: $locked, backupCodesRemainingAtMost: $backupCodesRemainingAtMost, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { cursor node { id email displayName security { ...SecurityState } } }\n    }\n  }\n": types.UsersDocument,
    "query User($id: ID!) { user(id: $id) { id email security { ...SecurityState } } }": types.UserDocument,
    "\n  query Events($userId: ID, $first: Int, $after: String) {\n    securityEvents(userId: $userId, first: $first, after: $after) {\n      edges { cursor node { id type detail createdAt user { id } actor { id email } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.EventsDocument,
    "\n  mutation Reset($userId: ID!, $reason: String!) { resetTwoFactor(userId: $userId, reason: $reason) { id security { ...SecurityState } } }\n": types.ResetDocument,
    "mutation Unlock($userId: ID!) { unlockAccount(userId: $userId) { id security { ...SecurityState } } }": types.UnlockDocument,
    "\n  query Overview { securityOverview { users twoFactorEnabled emailEnabled totpEnabled lockedNow lowBackupCodes } }\n": types.OverviewDocument,
    "\n  query SecurityPolicy {\n    securityPolicy {\n      requireTwoFactor gracePeriodDays allowedMethods phishingResistantFor\n      sessionIdleMinutes sessionMaxHours trustedDeviceDays updatedAt updatedBy { id email }\n    }\n  }\n": types.SecurityPolicyDocument,
    "\n  mutation UpdateSecurityPolicy($input: SecurityPolicyInput!) {\n    updateSecurityPolicy(input: $input) {\n      requireTwoFactor gracePeriodDays allowedMethods phishingResistantFor\n      sessionIdleMinutes sessionMaxHours trustedDeviceDays updatedAt updatedBy { id email }\n    }\n  }\n": types.UpdateSecurityPolicyDocument,
    "\n  mutation PolicyLogin($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      __typename\n      ... on AuthSession { token enrollmentRequired user { id security { twoFactorRequired enrollmentDeadline } } }\n      ... on TwoFactorChallenge { challengeToken methods }\n    }\n  }\n": types.PolicyLoginDocument,
    "\n  mutation PolicyVerify($challengeToken: String!, $method: TwoFactorMethod!, $code: String!) {\n    verifyCode(challengeToken: $challengeToken, method: $method, code: $code) { token enrollmentRequired }\n  }\n": types.PolicyVerifyDocument,
    "\n  query MyEnrollment { me { id security { twoFactorRequired enrollmentDeadline twoFactorEnabled email { enabled } totp { enabled } } } }\n": types.MyEnrollmentDocument,
    "\n  query ComplianceUsers($status: UserStatus, $twoFactorCompliant: Boolean, $search: String, $first: Int) {\n    users(status: $status, twoFactorCompliant: $twoFactorCompliant, search: $search, first: $first) {\n      totalCount\n      edges { node { id email status security { twoFactorRequired enrollmentDeadline } } }\n    }\n  }\n": types.ComplianceUsersDocument,
    "\n  query PolicyOverview { securityOverview { users nonCompliant inGracePeriod deactivated invited } }\n": types.PolicyOverviewDocument,
    "\n  query SecurityPolicyImpact($input: SecurityPolicyInput!) { securityPolicyImpact(input: $input) { nonCompliant restrictedAtOnce deadline } }\n": types.SecurityPolicyImpactDocument,
    "\n  mutation RequestPasswordReset($email: String!) { requestPasswordReset(email: $email) }\n": types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword) { ...LoginOutcome }\n  }\n": types.ResetPasswordDocument,
    "\n  mutation InviteUser($input: InviteUserInput!) { inviteUser(input: $input) { id email displayName role status } }\n": types.InviteUserDocument,
    "mutation ResendInvite($userId: ID!) { resendInvite(userId: $userId) }": types.ResendInviteDocument,
    "mutation SendPasswordReset($userId: ID!) { sendPasswordReset(userId: $userId) }": types.SendPasswordResetDocument,
    "query ResetUserStatus($id: ID!) { user(id: $id) { id status } }": types.ResetUserStatusDocument,
    "\n  query MySessions {\n    mySessions { id createdAt lastSeenAt expiresAt ip userAgent browser os signedInWith current }\n  }\n": types.MySessionsDocument,
    "mutation RevokeSession($id: ID!) { revokeSession(id: $id) }": types.RevokeSessionDocument,
    "mutation RevokeOtherSessions { revokeOtherSessions }": types.RevokeOtherSessionsDocument,
    "\n  query UserSessions($userId: ID!) {\n    userSessions(userId: $userId) { id lastSeenAt browser os ip signedInWith current }\n  }\n": types.UserSessionsDocument,
    "mutation RevokeUserSessions($userId: ID!) { revokeUserSessions(userId: $userId) }": types.RevokeUserSessionsDocument,
    "query SessionsMe { me { id email } }": types.SessionsMeDocument,
    "\n  mutation VerifyCodeLimits($challengeToken: String!, $method: TwoFactorMethod!, $code: String!) {\n    verifyCode(challengeToken: $challengeToken, method: $method, code: $code) { token backupCodesRemaining }\n  }\n": types.VerifyCodeLimitsDocument,
    "\n  mutation SendLoginCodeLimits($challengeToken: String!) { sendLoginCode(challengeToken: $challengeToken) { sentTo expiresAt resendAvailableAt } }\n": types.SendLoginCodeLimitsDocument,
    "mutation SetupEmailLimits { setupEmailTwoFactor { sentTo expiresAt resendAvailableAt } }": types.SetupEmailLimitsDocument,
    "mutation SendReauthCodeLimits { sendReauthenticationCode { sentTo expiresAt resendAvailableAt } }": types.SendReauthCodeLimitsDocument,
    "query SsoProviders { ssoProviders { id kind displayName } }": types.SsoProvidersDocument,
    "query AdminSsoProviders { adminSsoProviders { ...ProviderConfig } }": types.AdminSsoProvidersDocument,
    "\n  mutation ConfigureSsoProvider($input: SsoProviderInput!) { configureSsoProvider(input: $input) { ...ProviderConfig } }\n": types.ConfigureSsoProviderDocument,
    "mutation RemoveSsoProvider($id: ID!) { removeSsoProvider(id: $id) }": types.RemoveSsoProviderDocument,
    "mutation LinkProvider($providerId: ID!) { linkProvider(providerId: $providerId) { authorizationUrl } }": types.LinkProviderDocument,
    "mutation UnlinkProvider($providerId: ID!) { unlinkProvider(providerId: $providerId) { id email } }": types.UnlinkProviderDocument,
    "mutation CompleteSsoLogin($ticket: String!) { completeSsoLogin(ticket: $ticket) { ...LoginOutcome } }": types.CompleteSsoLoginDocument,
    "\n  mutation BindSsoAccount($ticket: String!, $email: String!, $password: String!) {\n    bindSsoAccount(ticket: $ticket, email: $email, password: $password) { ...LoginOutcome }\n  }\n": types.BindSsoAccountDocument,
    "\n  query MySsoConnections { me { id security { ssoConnections { provider { id kind displayName } email linkedAt } } } }\n": types.MySsoConnectionsDocument,
    "\n  query MySsoConnectionsVerified { me { id security { ssoConnections { provider { id } email emailVerified } } } }\n": types.MySsoConnectionsVerifiedDocument,
    "\n  query SsoTicket($ticket: String!) { ssoTicket(ticket: $ticket) { provider { id kind displayName } email emailVerified } }\n": types.SsoTicketDocument,
    "\n  mutation UnlinkUserProvider($userId: ID!, $providerId: ID!, $reason: String!) {\n    unlinkUserProvider(userId: $userId, providerId: $providerId, reason: $reason) { id email }\n  }\n": types.UnlinkUserProviderDocument,
    "\n  mutation ResetTwoFactorUnlinkSso($userId: ID!, $reason: String!, $unlinkSso: Boolean) {\n    resetTwoFactor(userId: $userId, reason: $reason, unlinkSso: $unlinkSso) { id security { twoFactorEnabled ssoConnections { provider { id } } } }\n  }\n": types.ResetTwoFactorUnlinkSsoDocument,
    "query SsoProviderDraft { ssoProviderDraft { id redirectUri } }": types.SsoProviderDraftDocument,
    "mutation TestSsoProvider($id: ID!) { testSsoProvider(id: $id) { authorizationUrl } }": types.TestSsoProviderDocument,
    "\n  query SsoTestResult($ticket: String!) { ssoTestResult(ticket: $ticket) { provider { id displayName } subject email emailVerified } }\n": types.SsoTestResultDocument,
    "\n  query SortedUsers($search: String, $first: Int, $after: String, $orderBy: UserOrder) {\n    users(search: $search, first: $first, after: $after, orderBy: $orderBy) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { cursor node { id email displayName createdAt lastLoginAt security { twoFactorEnabled backupCodes { remaining } } } }\n    }\n  }\n": types.SortedUsersDocument,
    "\n  query TriageSecurity($id: ID!) { user(id: $id) { id security { twoFactorEnabled ssoConnections { provider { id } } } } }\n": types.TriageSecurityDocument,
    "mutation BeginWebAuthnRegistration { beginWebAuthnRegistration }": types.BeginWebAuthnRegistrationDocument,
    "\n  mutation FinishWebAuthnRegistration($response: String!, $name: String!) {\n    finishWebAuthnRegistration(response: $response, name: $name) { backupCodes user { id } }\n  }\n": types.FinishWebAuthnRegistrationDocument,
    "\n  mutation RenameWebAuthnCredential($id: ID!, $name: String!) { renameWebAuthnCredential(id: $id, name: $name) { id name passkey } }\n": types.RenameWebAuthnCredentialDocument,
    "\n  mutation RemoveWebAuthnCredential($id: ID!) { removeWebAuthnCredential(id: $id) { id security { ...SecurityState webauthn { enabled } } } }\n": types.RemoveWebAuthnCredentialDocument,
    "\n  query MyPasskeys {\n    me { id security { ...SecurityState webauthn { enabled enabledAt } webauthnCredentials { id name createdAt lastUsedAt passkey } } }\n  }\n": types.MyPasskeysDocument,
    "mutation BeginWebAuthnChallenge($challengeToken: String!) { beginWebAuthnChallenge(challengeToken: $challengeToken) }": types.BeginWebAuthnChallengeDocument,
    "mutation BeginWebAuthnReauthentication { beginWebAuthnReauthentication }": types.BeginWebAuthnReauthenticationDocument,
    "mutation BeginPasskeyLogin { beginPasskeyLogin { loginToken options } }": types.BeginPasskeyLoginDocument,
    "\n  mutation FinishPasskeyLogin($loginToken: String!, $response: String!) {\n    finishPasskeyLogin(loginToken: $loginToken, response: $response) { ...Session enrollmentRequired }\n  }\n": types.FinishPasskeyLoginDocument,
    "query WebAuthnOverview { securityOverview { webauthnEnabled twoFactorEnabled } }": types.WebAuthnOverviewDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment SecurityState on AccountSecurity {\n  twoFactorEnabled\n  lastTwoFactorAt\n  lockedUntil\n  email {\n    enabled\n    enabledAt\n  }\n  totp {\n    enabled\n    enabledAt\n  }\n  backupCodes {\n    total\n    remaining\n    generatedAt\n  }\n}\n\nfragment Session on AuthSession {\n  token\n  expiresAt\n  user {\n    id\n    email\n    role\n  }\n}\n\nfragment LoginOutcome on LoginResult {\n  __typename\n  ... on AuthSession {\n    ...Session\n  }\n  ... on TwoFactorChallenge {\n    challengeToken\n    methods\n    expiresAt\n    attemptsLeft\n    lockedUntil\n  }\n}\n\nfragment ProviderConfig on SsoProviderConfig {\n  id\n  kind\n  displayName\n  clientId\n  issuer\n  tenant\n  allowedTenants\n  enabled\n  requireTwoFactor\n  redirectUri\n  discoveryProblem\n  linkedAccounts\n}"): typeof import('./graphql').SecurityStateFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeviceLogin($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      __typename\n      ... on AuthSession { token }\n      ... on TwoFactorChallenge { challengeToken methods }\n    }\n  }\n"): typeof import('./graphql').DeviceLoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VerifyRemember($challengeToken: String!, $method: TwoFactorMethod!, $code: String!, $rememberDevice: Boolean) {\n    verifyCode(challengeToken: $challengeToken, method: $method, code: $code, rememberDevice: $rememberDevice) { token }\n  }\n"): typeof import('./graphql').VerifyRememberDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyTrustedDevices { myTrustedDevices { id createdAt lastUsedAt expiresAt browser os ip current } }\n"): typeof import('./graphql').MyTrustedDevicesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeTrustedDevice($id: ID!) { revokeTrustedDevice(id: $id) }\n"): typeof import('./graphql').RevokeTrustedDeviceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeAllTrustedDevices { revokeAllTrustedDevices }\n"): typeof import('./graphql').RevokeAllTrustedDevicesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeactivateUser($userId: ID!, $reason: String!) { deactivateUser(userId: $userId, reason: $reason) { id status role } }\n"): typeof import('./graphql').DeactivateUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReactivateUser($userId: ID!) { reactivateUser(userId: $userId) { id status role } }\n"): typeof import('./graphql').ReactivateUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetUserRole($userId: ID!, $role: Role!) { setUserRole(userId: $userId, role: $role) { id status role } }\n"): typeof import('./graphql').SetUserRoleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query UserStatus($id: ID!) { user(id: $id) { id status role } }"): typeof import('./graphql').UserStatusDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) { ...LoginOutcome }\n  }\n"): typeof import('./graphql').LoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Me { me { id email displayName role createdAt lastLoginAt } }"): typeof import('./graphql').MeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Logout { logout }"): typeof import('./graphql').LogoutDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) { id email displayName role createdAt }\n  }\n"): typeof import('./graphql').CreateUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n"): typeof import('./graphql').ChangePasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MySecurity { me { id security { ...SecurityState } } }"): typeof import('./graphql').MySecurityDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SetupEmail { setupEmailTwoFactor { sentTo expiresAt } }"): typeof import('./graphql').SetupEmailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmEmail($code: String!) {\n    confirmEmailTwoFactor(code: $code) { backupCodes user { id security { ...SecurityState } } }\n  }\n"): typeof import('./graphql').ConfirmEmailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DisableEmail { disableEmailTwoFactor { id security { ...SecurityState } } }"): typeof import('./graphql').DisableEmailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation EnableTotp { enableTotp { secret otpauthUrl qrCodeDataUrl } }"): typeof import('./graphql').EnableTotpDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmTotp($code: String!) {\n    confirmTotp(code: $code) { backupCodes user { id security { ...SecurityState } } }\n  }\n"): typeof import('./graphql').ConfirmTotpDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DisableTotp { disableTotp { id security { ...SecurityState } } }"): typeof import('./graphql').DisableTotpDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query BackupCodes { backupCodes { code used } }"): typeof import('./graphql').BackupCodesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Regenerate { regenerateBackupCodes }"): typeof import('./graphql').RegenerateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendLoginCode($challengeToken: String!) {\n    sendLoginCode(challengeToken: $challengeToken) { sentTo expiresAt }\n  }\n"): typeof import('./graphql').SendLoginCodeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VerifyCode($challengeToken: String!, $method: TwoFactorMethod!, $code: String!) {\n    verifyCode(challengeToken: $challengeToken, method: $method, code: $code) { ...Session }\n  }\n"): typeof import('./graphql').VerifyCodeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Reauth($password: String, $method: TwoFactorMethod, $code: String) {\n    reauthenticate(password: $password, method: $method, code: $code)\n  }\n"): typeof import('./graphql').ReauthDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SendReauthCode { sendReauthenticationCode { sentTo expiresAt } }"): typeof import('./graphql').SendReauthCodeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyEvents($first: Int, $after: String) {\n    mySecurityEvents(first: $first, after: $after) {\n      edges { cursor node { id type createdAt detail ip userAgent user { id } actor { id } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): typeof import('./graphql').MyEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Users($search: String, $twoFactorEnabled: Boolean, $method: EnabledMethodFilter, $locked: Boolean, $backupCodesRemainingAtMost: Int, $first: Int, $after: String) {\n    users(search: $search, twoFactorEnabled: $twoFactorEnabled, method: $method, locked: $locked, backupCodesRemainingAtMost: $backupCodesRemainingAtMost, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { cursor node { id email displayName security { ...SecurityState } } }\n    }\n  }\n"): typeof import('./graphql').UsersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query User($id: ID!) { user(id: $id) { id email security { ...SecurityState } } }"): typeof import('./graphql').UserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Events($userId: ID, $first: Int, $after: String) {\n    securityEvents(userId: $userId, first: $first, after: $after) {\n      edges { cursor node { id type detail createdAt user { id } actor { id email } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): typeof import('./graphql').EventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Reset($userId: ID!, $reason: String!) { resetTwoFactor(userId: $userId, reason: $reason) { id security { ...SecurityState } } }\n"): typeof import('./graphql').ResetDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Unlock($userId: ID!) { unlockAccount(userId: $userId) { id security { ...SecurityState } } }"): typeof import('./graphql').UnlockDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Overview { securityOverview { users twoFactorEnabled emailEnabled totpEnabled lockedNow lowBackupCodes } }\n"): typeof import('./graphql').OverviewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SecurityPolicy {\n    securityPolicy {\n      requireTwoFactor gracePeriodDays allowedMethods phishingResistantFor\n      sessionIdleMinutes sessionMaxHours trustedDeviceDays updatedAt updatedBy { id email }\n    }\n  }\n"): typeof import('./graphql').SecurityPolicyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateSecurityPolicy($input: SecurityPolicyInput!) {\n    updateSecurityPolicy(input: $input) {\n      requireTwoFactor gracePeriodDays allowedMethods phishingResistantFor\n      sessionIdleMinutes sessionMaxHours trustedDeviceDays updatedAt updatedBy { id email }\n    }\n  }\n"): typeof import('./graphql').UpdateSecurityPolicyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PolicyLogin($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      __typename\n      ... on AuthSession { token enrollmentRequired user { id security { twoFactorRequired enrollmentDeadline } } }\n      ... on TwoFactorChallenge { challengeToken methods }\n    }\n  }\n"): typeof import('./graphql').PolicyLoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PolicyVerify($challengeToken: String!, $method: TwoFactorMethod!, $code: String!) {\n    verifyCode(challengeToken: $challengeToken, method: $method, code: $code) { token enrollmentRequired }\n  }\n"): typeof import('./graphql').PolicyVerifyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyEnrollment { me { id security { twoFactorRequired enrollmentDeadline twoFactorEnabled email { enabled } totp { enabled } } } }\n"): typeof import('./graphql').MyEnrollmentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ComplianceUsers($status: UserStatus, $twoFactorCompliant: Boolean, $search: String, $first: Int) {\n    users(status: $status, twoFactorCompliant: $twoFactorCompliant, search: $search, first: $first) {\n      totalCount\n      edges { node { id email status security { twoFactorRequired enrollmentDeadline } } }\n    }\n  }\n"): typeof import('./graphql').ComplianceUsersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PolicyOverview { securityOverview { users nonCompliant inGracePeriod deactivated invited } }\n"): typeof import('./graphql').PolicyOverviewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SecurityPolicyImpact($input: SecurityPolicyInput!) { securityPolicyImpact(input: $input) { nonCompliant restrictedAtOnce deadline } }\n"): typeof import('./graphql').SecurityPolicyImpactDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestPasswordReset($email: String!) { requestPasswordReset(email: $email) }\n"): typeof import('./graphql').RequestPasswordResetDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword) { ...LoginOutcome }\n  }\n"): typeof import('./graphql').ResetPasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteUser($input: InviteUserInput!) { inviteUser(input: $input) { id email displayName role status } }\n"): typeof import('./graphql').InviteUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ResendInvite($userId: ID!) { resendInvite(userId: $userId) }"): typeof import('./graphql').ResendInviteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SendPasswordReset($userId: ID!) { sendPasswordReset(userId: $userId) }"): typeof import('./graphql').SendPasswordResetDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ResetUserStatus($id: ID!) { user(id: $id) { id status } }"): typeof import('./graphql').ResetUserStatusDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MySessions {\n    mySessions { id createdAt lastSeenAt expiresAt ip userAgent browser os signedInWith current }\n  }\n"): typeof import('./graphql').MySessionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RevokeSession($id: ID!) { revokeSession(id: $id) }"): typeof import('./graphql').RevokeSessionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RevokeOtherSessions { revokeOtherSessions }"): typeof import('./graphql').RevokeOtherSessionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UserSessions($userId: ID!) {\n    userSessions(userId: $userId) { id lastSeenAt browser os ip signedInWith current }\n  }\n"): typeof import('./graphql').UserSessionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RevokeUserSessions($userId: ID!) { revokeUserSessions(userId: $userId) }"): typeof import('./graphql').RevokeUserSessionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SessionsMe { me { id email } }"): typeof import('./graphql').SessionsMeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VerifyCodeLimits($challengeToken: String!, $method: TwoFactorMethod!, $code: String!) {\n    verifyCode(challengeToken: $challengeToken, method: $method, code: $code) { token backupCodesRemaining }\n  }\n"): typeof import('./graphql').VerifyCodeLimitsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendLoginCodeLimits($challengeToken: String!) { sendLoginCode(challengeToken: $challengeToken) { sentTo expiresAt resendAvailableAt } }\n"): typeof import('./graphql').SendLoginCodeLimitsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SetupEmailLimits { setupEmailTwoFactor { sentTo expiresAt resendAvailableAt } }"): typeof import('./graphql').SetupEmailLimitsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SendReauthCodeLimits { sendReauthenticationCode { sentTo expiresAt resendAvailableAt } }"): typeof import('./graphql').SendReauthCodeLimitsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SsoProviders { ssoProviders { id kind displayName } }"): typeof import('./graphql').SsoProvidersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AdminSsoProviders { adminSsoProviders { ...ProviderConfig } }"): typeof import('./graphql').AdminSsoProvidersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfigureSsoProvider($input: SsoProviderInput!) { configureSsoProvider(input: $input) { ...ProviderConfig } }\n"): typeof import('./graphql').ConfigureSsoProviderDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RemoveSsoProvider($id: ID!) { removeSsoProvider(id: $id) }"): typeof import('./graphql').RemoveSsoProviderDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation LinkProvider($providerId: ID!) { linkProvider(providerId: $providerId) { authorizationUrl } }"): typeof import('./graphql').LinkProviderDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UnlinkProvider($providerId: ID!) { unlinkProvider(providerId: $providerId) { id email } }"): typeof import('./graphql').UnlinkProviderDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CompleteSsoLogin($ticket: String!) { completeSsoLogin(ticket: $ticket) { ...LoginOutcome } }"): typeof import('./graphql').CompleteSsoLoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BindSsoAccount($ticket: String!, $email: String!, $password: String!) {\n    bindSsoAccount(ticket: $ticket, email: $email, password: $password) { ...LoginOutcome }\n  }\n"): typeof import('./graphql').BindSsoAccountDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MySsoConnections { me { id security { ssoConnections { provider { id kind displayName } email linkedAt } } } }\n"): typeof import('./graphql').MySsoConnectionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MySsoConnectionsVerified { me { id security { ssoConnections { provider { id } email emailVerified } } } }\n"): typeof import('./graphql').MySsoConnectionsVerifiedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SsoTicket($ticket: String!) { ssoTicket(ticket: $ticket) { provider { id kind displayName } email emailVerified } }\n"): typeof import('./graphql').SsoTicketDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnlinkUserProvider($userId: ID!, $providerId: ID!, $reason: String!) {\n    unlinkUserProvider(userId: $userId, providerId: $providerId, reason: $reason) { id email }\n  }\n"): typeof import('./graphql').UnlinkUserProviderDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetTwoFactorUnlinkSso($userId: ID!, $reason: String!, $unlinkSso: Boolean) {\n    resetTwoFactor(userId: $userId, reason: $reason, unlinkSso: $unlinkSso) { id security { twoFactorEnabled ssoConnections { provider { id } } } }\n  }\n"): typeof import('./graphql').ResetTwoFactorUnlinkSsoDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SsoProviderDraft { ssoProviderDraft { id redirectUri } }"): typeof import('./graphql').SsoProviderDraftDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation TestSsoProvider($id: ID!) { testSsoProvider(id: $id) { authorizationUrl } }"): typeof import('./graphql').TestSsoProviderDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SsoTestResult($ticket: String!) { ssoTestResult(ticket: $ticket) { provider { id displayName } subject email emailVerified } }\n"): typeof import('./graphql').SsoTestResultDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SortedUsers($search: String, $first: Int, $after: String, $orderBy: UserOrder) {\n    users(search: $search, first: $first, after: $after, orderBy: $orderBy) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { cursor node { id email displayName createdAt lastLoginAt security { twoFactorEnabled backupCodes { remaining } } } }\n    }\n  }\n"): typeof import('./graphql').SortedUsersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TriageSecurity($id: ID!) { user(id: $id) { id security { twoFactorEnabled ssoConnections { provider { id } } } } }\n"): typeof import('./graphql').TriageSecurityDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation BeginWebAuthnRegistration { beginWebAuthnRegistration }"): typeof import('./graphql').BeginWebAuthnRegistrationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FinishWebAuthnRegistration($response: String!, $name: String!) {\n    finishWebAuthnRegistration(response: $response, name: $name) { backupCodes user { id } }\n  }\n"): typeof import('./graphql').FinishWebAuthnRegistrationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RenameWebAuthnCredential($id: ID!, $name: String!) { renameWebAuthnCredential(id: $id, name: $name) { id name passkey } }\n"): typeof import('./graphql').RenameWebAuthnCredentialDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveWebAuthnCredential($id: ID!) { removeWebAuthnCredential(id: $id) { id security { ...SecurityState webauthn { enabled } } } }\n"): typeof import('./graphql').RemoveWebAuthnCredentialDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyPasskeys {\n    me { id security { ...SecurityState webauthn { enabled enabledAt } webauthnCredentials { id name createdAt lastUsedAt passkey } } }\n  }\n"): typeof import('./graphql').MyPasskeysDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation BeginWebAuthnChallenge($challengeToken: String!) { beginWebAuthnChallenge(challengeToken: $challengeToken) }"): typeof import('./graphql').BeginWebAuthnChallengeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation BeginWebAuthnReauthentication { beginWebAuthnReauthentication }"): typeof import('./graphql').BeginWebAuthnReauthenticationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation BeginPasskeyLogin { beginPasskeyLogin { loginToken options } }"): typeof import('./graphql').BeginPasskeyLoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FinishPasskeyLogin($loginToken: String!, $response: String!) {\n    finishPasskeyLogin(loginToken: $loginToken, response: $response) { ...Session enrollmentRequired }\n  }\n"): typeof import('./graphql').FinishPasskeyLoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query WebAuthnOverview { securityOverview { webauthnEnabled twoFactorEnabled } }"): typeof import('./graphql').WebAuthnOverviewDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
