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
    "\n  query ResetPreview($id: ID!) {\n    user(id: $id) { ...UserFields security { ssoConnections { ...SsoConnectionFields } } }\n    userSessions(userId: $id) { id }\n  }\n": typeof types.ResetPreviewDocument,
    "\n  mutation VerifyCodeRemember($challengeToken: String!, $method: TwoFactorMethod!, $code: String!, $rememberDevice: Boolean) {\n    verifyCode(challengeToken: $challengeToken, method: $method, code: $code, rememberDevice: $rememberDevice) { __typename ...Session }\n  }\n": typeof types.VerifyCodeRememberDocument,
    "\n  query TrustedBrowsers { myTrustedDevices { id createdAt lastUsedAt expiresAt browser os ip current } }\n": typeof types.TrustedBrowsersDocument,
    "\n  mutation ForgetTrustedBrowser($id: ID!) { revokeTrustedDevice(id: $id) }\n": typeof types.ForgetTrustedBrowserDocument,
    "\n  mutation ForgetAllTrustedBrowsers { revokeAllTrustedDevices }\n": typeof types.ForgetAllTrustedBrowsersDocument,
    "\n  mutation ChangeMyPassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n": typeof types.ChangeMyPasswordDocument,
    "\n  mutation DeactivateAccount($userId: ID!, $reason: String!) { deactivateUser(userId: $userId, reason: $reason) { ...UserFields status } }\n": typeof types.DeactivateAccountDocument,
    "\n  mutation ReactivateAccount($userId: ID!) { reactivateUser(userId: $userId) { ...UserFields status } }\n": typeof types.ReactivateAccountDocument,
    "\n  mutation ChangeRole($userId: ID!, $role: Role!) { setUserRole(userId: $userId, role: $role) { ...UserFields status } }\n": typeof types.ChangeRoleDocument,
    "query UserLifecycle($id: ID!) { user(id: $id) { id status role } }": typeof types.UserLifecycleDocument,
    "mutation BeginWebAuthnRegistration { beginWebAuthnRegistration }": typeof types.BeginWebAuthnRegistrationDocument,
    "\n  mutation FinishWebAuthnRegistration($response: String!, $name: String!) {\n    finishWebAuthnRegistration(response: $response, name: $name) { backupCodes user { ...UserFields } }\n  }\n": typeof types.FinishWebAuthnRegistrationDocument,
    "\n  mutation RenameWebAuthnCredential($id: ID!, $name: String!) { renameWebAuthnCredential(id: $id, name: $name) { id name } }\n": typeof types.RenameWebAuthnCredentialDocument,
    "\n  mutation RemoveWebAuthnCredential($id: ID!) { removeWebAuthnCredential(id: $id) { ...UserFields } }\n": typeof types.RemoveWebAuthnCredentialDocument,
    "\n  mutation BeginWebAuthnChallenge($challengeToken: String!) { beginWebAuthnChallenge(challengeToken: $challengeToken) }\n": typeof types.BeginWebAuthnChallengeDocument,
    "mutation BeginWebAuthnReauthentication { beginWebAuthnReauthentication }": typeof types.BeginWebAuthnReauthenticationDocument,
    "mutation BeginPasskeyLogin { beginPasskeyLogin { loginToken options } }": typeof types.BeginPasskeyLoginDocument,
    "\n  mutation FinishPasskeyLogin($loginToken: String!, $response: String!) {\n    finishPasskeyLogin(loginToken: $loginToken, response: $response) { __typename enrollmentRequired user { id } }\n  }\n": typeof types.FinishPasskeyLoginDocument,
    "\n  query PolicyPage {\n    securityPolicy {\n      requireTwoFactor gracePeriodDays allowedMethods phishingResistantFor\n      sessionIdleMinutes sessionMaxHours trustedDeviceDays updatedAt updatedBy { displayName email }\n    }\n  }\n": typeof types.PolicyPageDocument,
    "\n  mutation SaveSecurityPolicy($input: SecurityPolicyInput!) {\n    updateSecurityPolicy(input: $input) {\n      requireTwoFactor gracePeriodDays allowedMethods phishingResistantFor\n      sessionIdleMinutes sessionMaxHours trustedDeviceDays updatedAt updatedBy { displayName email }\n    }\n  }\n": typeof types.SaveSecurityPolicyDocument,
    "\n  query PolicyImpact($input: SecurityPolicyInput!) { securityPolicyImpact(input: $input) { nonCompliant restrictedAtOnce deadline } }\n": typeof types.PolicyImpactDocument,
    "\n  query MyEnrollmentState { me { id security { twoFactorRequired enrollmentDeadline } } }\n": typeof types.MyEnrollmentStateDocument,
    "\n  query ConsoleOverview {\n    securityOverview { users twoFactorEnabled emailEnabled totpEnabled webauthnEnabled lockedNow lowBackupCodes nonCompliant inGracePeriod deactivated invited }\n  }\n": typeof types.ConsoleOverviewDocument,
    "\n  query ConsoleUsers(\n    $search: String, $twoFactorEnabled: Boolean, $method: EnabledMethodFilter, $locked: Boolean, $backupCodesRemainingAtMost: Int,\n    $status: UserStatus, $twoFactorCompliant: Boolean, $first: Int, $after: String, $orderBy: UserOrder\n  ) {\n    users(\n      search: $search, twoFactorEnabled: $twoFactorEnabled, method: $method, locked: $locked, backupCodesRemainingAtMost: $backupCodesRemainingAtMost,\n      status: $status, twoFactorCompliant: $twoFactorCompliant, first: $first, after: $after, orderBy: $orderBy\n    ) {\n      totalCount pageInfo { hasNextPage endCursor }\n      edges { cursor node { ...UserFields status security { twoFactorRequired enrollmentDeadline } } }\n    }\n  }\n": typeof types.ConsoleUsersDocument,
    "\n  mutation RequestPasswordReset($email: String!) { requestPasswordReset(email: $email) }\n": typeof types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword) { ...LoginOutcome }\n  }\n": typeof types.ResetPasswordDocument,
    "\n  mutation InviteUser($input: InviteUserInput!) { inviteUser(input: $input) { id email displayName role } }\n": typeof types.InviteUserDocument,
    "\n  mutation CreateUserWithPassword($input: CreateUserInput!) { createUser(input: $input) { id email displayName role } }\n": typeof types.CreateUserWithPasswordDocument,
    "mutation ResendInvite($userId: ID!) { resendInvite(userId: $userId) }": typeof types.ResendInviteDocument,
    "mutation SendPasswordReset($userId: ID!) { sendPasswordReset(userId: $userId) }": typeof types.SendPasswordResetDocument,
    "\n  query SignedInSessions { mySessions { id createdAt lastSeenAt browser os ip signedInWith current } }\n": typeof types.SignedInSessionsDocument,
    "\n  mutation SignOutSession($id: ID!) { revokeSession(id: $id) }\n": typeof types.SignOutSessionDocument,
    "\n  mutation SignOutOtherSessions { revokeOtherSessions }\n": typeof types.SignOutOtherSessionsDocument,
    "\n  query UserSignedInSessions($userId: ID!) { userSessions(userId: $userId) { id createdAt lastSeenAt browser os ip signedInWith } }\n": typeof types.UserSignedInSessionsDocument,
    "\n  mutation SignOutUserEverywhere($userId: ID!) { revokeUserSessions(userId: $userId) }\n": typeof types.SignOutUserEverywhereDocument,
    "\n  mutation VerifySignInCode($challengeToken: String!, $method: TwoFactorMethod!, $code: String!, $rememberDevice: Boolean) {\n    verifyCode(challengeToken: $challengeToken, method: $method, code: $code, rememberDevice: $rememberDevice) { __typename ...Session backupCodesRemaining }\n  }\n": typeof types.VerifySignInCodeDocument,
    "\n  mutation SendSignInCode($challengeToken: String!) { sendLoginCode(challengeToken: $challengeToken) { sentTo expiresAt resendAvailableAt } }\n": typeof types.SendSignInCodeDocument,
    "mutation SendSetupCode { setupEmailTwoFactor { sentTo expiresAt resendAvailableAt } }": typeof types.SendSetupCodeDocument,
    "mutation SendReauthEmailCode { sendReauthenticationCode { sentTo expiresAt resendAvailableAt } }": typeof types.SendReauthEmailCodeDocument,
    "query SsoProviderDraft { ssoProviderDraft { id redirectUri } }": typeof types.SsoProviderDraftDocument,
    "mutation TestSsoProvider($id: ID!) { testSsoProvider(id: $id) { authorizationUrl } }": typeof types.TestSsoProviderDocument,
    "\n  query SsoTestResult($ticket: String!) { ssoTestResult(ticket: $ticket) { provider { id kind displayName } subject email emailVerified } }\n": typeof types.SsoTestResultDocument,
    "\n  fragment UserFields on User {\n    id email displayName role createdAt lastLoginAt\n    security {\n      ...SecurityState\n      webauthn { enabled enabledAt }\n      webauthnCredentials { id name createdAt lastUsedAt passkey }\n    }\n  }\n": typeof types.UserFieldsFragmentDoc,
    "\n  fragment SsoConnectionFields on SsoConnection { provider { id kind displayName } email emailVerified linkedAt }\n": typeof types.SsoConnectionFieldsFragmentDoc,
    "\n  fragment SecurityEventFields on SecurityEvent { id type createdAt ip userAgent detail }\n": typeof types.SecurityEventFieldsFragmentDoc,
    "query Me { me { ...UserFields } }": typeof types.MeDocument,
    "query SsoProviders { ssoProviders { id kind displayName } }": typeof types.SsoProvidersDocument,
    "\n  query MySso {\n    ssoProviders { id kind displayName }\n    me { id security { ssoConnections { ...SsoConnectionFields } } }\n  }\n": typeof types.MySsoDocument,
    "\n  mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { ...LoginOutcome } }\n": typeof types.LoginDocument,
    "\n  mutation SendLoginCode($challengeToken: String!) { sendLoginCode(challengeToken: $challengeToken) { sentTo expiresAt } }\n": typeof types.SendLoginCodeDocument,
    "\n  mutation VerifyCode($challengeToken: String!, $method: TwoFactorMethod!, $code: String!) {\n    verifyCode(challengeToken: $challengeToken, method: $method, code: $code) { __typename ...Session }\n  }\n": typeof types.VerifyCodeDocument,
    "\n  mutation CompleteSsoLogin($ticket: String!) { completeSsoLogin(ticket: $ticket) { ...LoginOutcome } }\n": typeof types.CompleteSsoLoginDocument,
    "\n  query SsoTicket($ticket: String!) { ssoTicket(ticket: $ticket) { provider { id kind displayName } email emailVerified } }\n": typeof types.SsoTicketDocument,
    "\n  mutation BindSsoAccount($ticket: String!, $email: String!, $password: String!) {\n    bindSsoAccount(ticket: $ticket, email: $email, password: $password) { ...LoginOutcome }\n  }\n": typeof types.BindSsoAccountDocument,
    "mutation Logout { logout }": typeof types.LogoutDocument,
    "mutation SetupEmailTwoFactor { setupEmailTwoFactor { sentTo expiresAt } }": typeof types.SetupEmailTwoFactorDocument,
    "\n  mutation ConfirmEmailTwoFactor($code: String!) { confirmEmailTwoFactor(code: $code) { backupCodes user { ...UserFields } } }\n": typeof types.ConfirmEmailTwoFactorDocument,
    "mutation DisableEmailTwoFactor { disableEmailTwoFactor { ...UserFields } }": typeof types.DisableEmailTwoFactorDocument,
    "mutation EnableTotp { enableTotp { secret otpauthUrl qrCodeDataUrl } }": typeof types.EnableTotpDocument,
    "\n  mutation ConfirmTotp($code: String!) { confirmTotp(code: $code) { backupCodes user { ...UserFields } } }\n": typeof types.ConfirmTotpDocument,
    "mutation DisableTotp { disableTotp { ...UserFields } }": typeof types.DisableTotpDocument,
    "query BackupCodes { backupCodes { code used } }": typeof types.BackupCodesDocument,
    "mutation RegenerateBackupCodes { regenerateBackupCodes }": typeof types.RegenerateBackupCodesDocument,
    "\n  mutation Reauthenticate($password: String, $method: TwoFactorMethod, $code: String) {\n    reauthenticate(password: $password, method: $method, code: $code)\n  }\n": typeof types.ReauthenticateDocument,
    "mutation SendReauthenticationCode { sendReauthenticationCode { sentTo expiresAt } }": typeof types.SendReauthenticationCodeDocument,
    "mutation LinkProvider($providerId: ID!) { linkProvider(providerId: $providerId) { authorizationUrl } }": typeof types.LinkProviderDocument,
    "mutation UnlinkProvider($providerId: ID!) { unlinkProvider(providerId: $providerId) { id } }": typeof types.UnlinkProviderDocument,
    "\n  query MySecurityEvents($first: Int, $after: String) {\n    mySecurityEvents(first: $first, after: $after) {\n      edges { cursor node { ...SecurityEventFields actor { id displayName } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.MySecurityEventsDocument,
    "\n  query SecurityOverview { securityOverview { users twoFactorEnabled emailEnabled totpEnabled lockedNow lowBackupCodes } }\n": typeof types.SecurityOverviewDocument,
    "\n  query Users($search: String, $twoFactorEnabled: Boolean, $method: EnabledMethodFilter, $locked: Boolean, $backupCodesRemainingAtMost: Int, $first: Int, $after: String) {\n    users(search: $search, twoFactorEnabled: $twoFactorEnabled, method: $method, locked: $locked, backupCodesRemainingAtMost: $backupCodesRemainingAtMost, first: $first, after: $after) {\n      totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ...UserFields } }\n    }\n  }\n": typeof types.UsersDocument,
    "query UserDetail($id: ID!) { user(id: $id) { ...UserFields } }": typeof types.UserDetailDocument,
    "\n  query UserSso($id: ID!) { user(id: $id) { id security { ssoConnections { ...SsoConnectionFields } } } }\n": typeof types.UserSsoDocument,
    "\n  query UserEvents($userId: ID, $first: Int, $after: String) {\n    securityEvents(userId: $userId, first: $first, after: $after) {\n      edges { cursor node { ...SecurityEventFields actor { id displayName email } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.UserEventsDocument,
    "\n  mutation ResetTwoFactor($userId: ID!, $reason: String!, $unlinkSso: Boolean) {\n    resetTwoFactor(userId: $userId, reason: $reason, unlinkSso: $unlinkSso) { ...UserFields }\n  }\n": typeof types.ResetTwoFactorDocument,
    "\n  mutation UnlinkUserProvider($userId: ID!, $providerId: ID!, $reason: String!) {\n    unlinkUserProvider(userId: $userId, providerId: $providerId, reason: $reason) { id }\n  }\n": typeof types.UnlinkUserProviderDocument,
    "mutation UnlockAccount($userId: ID!) { unlockAccount(userId: $userId) { ...UserFields } }": typeof types.UnlockAccountDocument,
    "query AdminSsoProviders { adminSsoProviders { ...ProviderConfig } }": typeof types.AdminSsoProvidersDocument,
    "\n  mutation ConfigureSsoProvider($input: SsoProviderInput!) { configureSsoProvider(input: $input) { ...ProviderConfig } }\n": typeof types.ConfigureSsoProviderDocument,
    "mutation RemoveSsoProvider($id: ID!) { removeSsoProvider(id: $id) }": typeof types.RemoveSsoProviderDocument,
};
const documents: Documents = {
    "fragment SecurityState on AccountSecurity {\n  twoFactorEnabled\n  lastTwoFactorAt\n  lockedUntil\n  email {\n    enabled\n    enabledAt\n  }\n  totp {\n    enabled\n    enabledAt\n  }\n  backupCodes {\n    total\n    remaining\n    generatedAt\n  }\n}\n\nfragment Session on AuthSession {\n  token\n  expiresAt\n  user {\n    id\n    email\n    role\n  }\n}\n\nfragment LoginOutcome on LoginResult {\n  __typename\n  ... on AuthSession {\n    ...Session\n  }\n  ... on TwoFactorChallenge {\n    challengeToken\n    methods\n    expiresAt\n    attemptsLeft\n    lockedUntil\n  }\n}\n\nfragment ProviderConfig on SsoProviderConfig {\n  id\n  kind\n  displayName\n  clientId\n  issuer\n  tenant\n  allowedTenants\n  enabled\n  requireTwoFactor\n  redirectUri\n  discoveryProblem\n  linkedAccounts\n}": types.SecurityStateFragmentDoc,
    "\n  query ResetPreview($id: ID!) {\n    user(id: $id) { ...UserFields security { ssoConnections { ...SsoConnectionFields } } }\n    userSessions(userId: $id) { id }\n  }\n": types.ResetPreviewDocument,
    "\n  mutation VerifyCodeRemember($challengeToken: String!, $method: TwoFactorMethod!, $code: String!, $rememberDevice: Boolean) {\n    verifyCode(challengeToken: $challengeToken, method: $method, code: $code, rememberDevice: $rememberDevice) { __typename ...Session }\n  }\n": types.VerifyCodeRememberDocument,
    "\n  query TrustedBrowsers { myTrustedDevices { id createdAt lastUsedAt expiresAt browser os ip current } }\n": types.TrustedBrowsersDocument,
    "\n  mutation ForgetTrustedBrowser($id: ID!) { revokeTrustedDevice(id: $id) }\n": types.ForgetTrustedBrowserDocument,
    "\n  mutation ForgetAllTrustedBrowsers { revokeAllTrustedDevices }\n": types.ForgetAllTrustedBrowsersDocument,
    "\n  mutation ChangeMyPassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n": types.ChangeMyPasswordDocument,
    "\n  mutation DeactivateAccount($userId: ID!, $reason: String!) { deactivateUser(userId: $userId, reason: $reason) { ...UserFields status } }\n": types.DeactivateAccountDocument,
    "\n  mutation ReactivateAccount($userId: ID!) { reactivateUser(userId: $userId) { ...UserFields status } }\n": types.ReactivateAccountDocument,
    "\n  mutation ChangeRole($userId: ID!, $role: Role!) { setUserRole(userId: $userId, role: $role) { ...UserFields status } }\n": types.ChangeRoleDocument,
    "query UserLifecycle($id: ID!) { user(id: $id) { id status role } }": types.UserLifecycleDocument,
    "mutation BeginWebAuthnRegistration { beginWebAuthnRegistration }": types.BeginWebAuthnRegistrationDocument,
    "\n  mutation FinishWebAuthnRegistration($response: String!, $name: String!) {\n    finishWebAuthnRegistration(response: $response, name: $name) { backupCodes user { ...UserFields } }\n  }\n": types.FinishWebAuthnRegistrationDocument,
    "\n  mutation RenameWebAuthnCredential($id: ID!, $name: String!) { renameWebAuthnCredential(id: $id, name: $name) { id name } }\n": types.RenameWebAuthnCredentialDocument,
    "\n  mutation RemoveWebAuthnCredential($id: ID!) { removeWebAuthnCredential(id: $id) { ...UserFields } }\n": types.RemoveWebAuthnCredentialDocument,
    "\n  mutation BeginWebAuthnChallenge($challengeToken: String!) { beginWebAuthnChallenge(challengeToken: $challengeToken) }\n": types.BeginWebAuthnChallengeDocument,
    "mutation BeginWebAuthnReauthentication { beginWebAuthnReauthentication }": types.BeginWebAuthnReauthenticationDocument,
    "mutation BeginPasskeyLogin { beginPasskeyLogin { loginToken options } }": types.BeginPasskeyLoginDocument,
    "\n  mutation FinishPasskeyLogin($loginToken: String!, $response: String!) {\n    finishPasskeyLogin(loginToken: $loginToken, response: $response) { __typename enrollmentRequired user { id } }\n  }\n": types.FinishPasskeyLoginDocument,
    "\n  query PolicyPage {\n    securityPolicy {\n      requireTwoFactor gracePeriodDays allowedMethods phishingResistantFor\n      sessionIdleMinutes sessionMaxHours trustedDeviceDays updatedAt updatedBy { displayName email }\n    }\n  }\n": types.PolicyPageDocument,
    "\n  mutation SaveSecurityPolicy($input: SecurityPolicyInput!) {\n    updateSecurityPolicy(input: $input) {\n      requireTwoFactor gracePeriodDays allowedMethods phishingResistantFor\n      sessionIdleMinutes sessionMaxHours trustedDeviceDays updatedAt updatedBy { displayName email }\n    }\n  }\n": types.SaveSecurityPolicyDocument,
    "\n  query PolicyImpact($input: SecurityPolicyInput!) { securityPolicyImpact(input: $input) { nonCompliant restrictedAtOnce deadline } }\n": types.PolicyImpactDocument,
    "\n  query MyEnrollmentState { me { id security { twoFactorRequired enrollmentDeadline } } }\n": types.MyEnrollmentStateDocument,
    "\n  query ConsoleOverview {\n    securityOverview { users twoFactorEnabled emailEnabled totpEnabled webauthnEnabled lockedNow lowBackupCodes nonCompliant inGracePeriod deactivated invited }\n  }\n": types.ConsoleOverviewDocument,
    "\n  query ConsoleUsers(\n    $search: String, $twoFactorEnabled: Boolean, $method: EnabledMethodFilter, $locked: Boolean, $backupCodesRemainingAtMost: Int,\n    $status: UserStatus, $twoFactorCompliant: Boolean, $first: Int, $after: String, $orderBy: UserOrder\n  ) {\n    users(\n      search: $search, twoFactorEnabled: $twoFactorEnabled, method: $method, locked: $locked, backupCodesRemainingAtMost: $backupCodesRemainingAtMost,\n      status: $status, twoFactorCompliant: $twoFactorCompliant, first: $first, after: $after, orderBy: $orderBy\n    ) {\n      totalCount pageInfo { hasNextPage endCursor }\n      edges { cursor node { ...UserFields status security { twoFactorRequired enrollmentDeadline } } }\n    }\n  }\n": types.ConsoleUsersDocument,
    "\n  mutation RequestPasswordReset($email: String!) { requestPasswordReset(email: $email) }\n": types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword) { ...LoginOutcome }\n  }\n": types.ResetPasswordDocument,
    "\n  mutation InviteUser($input: InviteUserInput!) { inviteUser(input: $input) { id email displayName role } }\n": types.InviteUserDocument,
    "\n  mutation CreateUserWithPassword($input: CreateUserInput!) { createUser(input: $input) { id email displayName role } }\n": types.CreateUserWithPasswordDocument,
    "mutation ResendInvite($userId: ID!) { resendInvite(userId: $userId) }": types.ResendInviteDocument,
    "mutation SendPasswordReset($userId: ID!) { sendPasswordReset(userId: $userId) }": types.SendPasswordResetDocument,
    "\n  query SignedInSessions { mySessions { id createdAt lastSeenAt browser os ip signedInWith current } }\n": types.SignedInSessionsDocument,
    "\n  mutation SignOutSession($id: ID!) { revokeSession(id: $id) }\n": types.SignOutSessionDocument,
    "\n  mutation SignOutOtherSessions { revokeOtherSessions }\n": types.SignOutOtherSessionsDocument,
    "\n  query UserSignedInSessions($userId: ID!) { userSessions(userId: $userId) { id createdAt lastSeenAt browser os ip signedInWith } }\n": types.UserSignedInSessionsDocument,
    "\n  mutation SignOutUserEverywhere($userId: ID!) { revokeUserSessions(userId: $userId) }\n": types.SignOutUserEverywhereDocument,
    "\n  mutation VerifySignInCode($challengeToken: String!, $method: TwoFactorMethod!, $code: String!, $rememberDevice: Boolean) {\n    verifyCode(challengeToken: $challengeToken, method: $method, code: $code, rememberDevice: $rememberDevice) { __typename ...Session backupCodesRemaining }\n  }\n": types.VerifySignInCodeDocument,
    "\n  mutation SendSignInCode($challengeToken: String!) { sendLoginCode(challengeToken: $challengeToken) { sentTo expiresAt resendAvailableAt } }\n": types.SendSignInCodeDocument,
    "mutation SendSetupCode { setupEmailTwoFactor { sentTo expiresAt resendAvailableAt } }": types.SendSetupCodeDocument,
    "mutation SendReauthEmailCode { sendReauthenticationCode { sentTo expiresAt resendAvailableAt } }": types.SendReauthEmailCodeDocument,
    "query SsoProviderDraft { ssoProviderDraft { id redirectUri } }": types.SsoProviderDraftDocument,
    "mutation TestSsoProvider($id: ID!) { testSsoProvider(id: $id) { authorizationUrl } }": types.TestSsoProviderDocument,
    "\n  query SsoTestResult($ticket: String!) { ssoTestResult(ticket: $ticket) { provider { id kind displayName } subject email emailVerified } }\n": types.SsoTestResultDocument,
    "\n  fragment UserFields on User {\n    id email displayName role createdAt lastLoginAt\n    security {\n      ...SecurityState\n      webauthn { enabled enabledAt }\n      webauthnCredentials { id name createdAt lastUsedAt passkey }\n    }\n  }\n": types.UserFieldsFragmentDoc,
    "\n  fragment SsoConnectionFields on SsoConnection { provider { id kind displayName } email emailVerified linkedAt }\n": types.SsoConnectionFieldsFragmentDoc,
    "\n  fragment SecurityEventFields on SecurityEvent { id type createdAt ip userAgent detail }\n": types.SecurityEventFieldsFragmentDoc,
    "query Me { me { ...UserFields } }": types.MeDocument,
    "query SsoProviders { ssoProviders { id kind displayName } }": types.SsoProvidersDocument,
    "\n  query MySso {\n    ssoProviders { id kind displayName }\n    me { id security { ssoConnections { ...SsoConnectionFields } } }\n  }\n": types.MySsoDocument,
    "\n  mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { ...LoginOutcome } }\n": types.LoginDocument,
    "\n  mutation SendLoginCode($challengeToken: String!) { sendLoginCode(challengeToken: $challengeToken) { sentTo expiresAt } }\n": types.SendLoginCodeDocument,
    "\n  mutation VerifyCode($challengeToken: String!, $method: TwoFactorMethod!, $code: String!) {\n    verifyCode(challengeToken: $challengeToken, method: $method, code: $code) { __typename ...Session }\n  }\n": types.VerifyCodeDocument,
    "\n  mutation CompleteSsoLogin($ticket: String!) { completeSsoLogin(ticket: $ticket) { ...LoginOutcome } }\n": types.CompleteSsoLoginDocument,
    "\n  query SsoTicket($ticket: String!) { ssoTicket(ticket: $ticket) { provider { id kind displayName } email emailVerified } }\n": types.SsoTicketDocument,
    "\n  mutation BindSsoAccount($ticket: String!, $email: String!, $password: String!) {\n    bindSsoAccount(ticket: $ticket, email: $email, password: $password) { ...LoginOutcome }\n  }\n": types.BindSsoAccountDocument,
    "mutation Logout { logout }": types.LogoutDocument,
    "mutation SetupEmailTwoFactor { setupEmailTwoFactor { sentTo expiresAt } }": types.SetupEmailTwoFactorDocument,
    "\n  mutation ConfirmEmailTwoFactor($code: String!) { confirmEmailTwoFactor(code: $code) { backupCodes user { ...UserFields } } }\n": types.ConfirmEmailTwoFactorDocument,
    "mutation DisableEmailTwoFactor { disableEmailTwoFactor { ...UserFields } }": types.DisableEmailTwoFactorDocument,
    "mutation EnableTotp { enableTotp { secret otpauthUrl qrCodeDataUrl } }": types.EnableTotpDocument,
    "\n  mutation ConfirmTotp($code: String!) { confirmTotp(code: $code) { backupCodes user { ...UserFields } } }\n": types.ConfirmTotpDocument,
    "mutation DisableTotp { disableTotp { ...UserFields } }": types.DisableTotpDocument,
    "query BackupCodes { backupCodes { code used } }": types.BackupCodesDocument,
    "mutation RegenerateBackupCodes { regenerateBackupCodes }": types.RegenerateBackupCodesDocument,
    "\n  mutation Reauthenticate($password: String, $method: TwoFactorMethod, $code: String) {\n    reauthenticate(password: $password, method: $method, code: $code)\n  }\n": types.ReauthenticateDocument,
    "mutation SendReauthenticationCode { sendReauthenticationCode { sentTo expiresAt } }": types.SendReauthenticationCodeDocument,
    "mutation LinkProvider($providerId: ID!) { linkProvider(providerId: $providerId) { authorizationUrl } }": types.LinkProviderDocument,
    "mutation UnlinkProvider($providerId: ID!) { unlinkProvider(providerId: $providerId) { id } }": types.UnlinkProviderDocument,
    "\n  query MySecurityEvents($first: Int, $after: String) {\n    mySecurityEvents(first: $first, after: $after) {\n      edges { cursor node { ...SecurityEventFields actor { id displayName } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.MySecurityEventsDocument,
    "\n  query SecurityOverview { securityOverview { users twoFactorEnabled emailEnabled totpEnabled lockedNow lowBackupCodes } }\n": types.SecurityOverviewDocument,
    "\n  query Users($search: String, $twoFactorEnabled: Boolean, $method: EnabledMethodFilter, $locked: Boolean, $backupCodesRemainingAtMost: Int, $first: Int, $after: String) {\n    users(search: $search, twoFactorEnabled: $twoFactorEnabled, method: $method, locked: $locked, backupCodesRemainingAtMost: $backupCodesRemainingAtMost, first: $first, after: $after) {\n      totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ...UserFields } }\n    }\n  }\n": types.UsersDocument,
    "query UserDetail($id: ID!) { user(id: $id) { ...UserFields } }": types.UserDetailDocument,
    "\n  query UserSso($id: ID!) { user(id: $id) { id security { ssoConnections { ...SsoConnectionFields } } } }\n": types.UserSsoDocument,
    "\n  query UserEvents($userId: ID, $first: Int, $after: String) {\n    securityEvents(userId: $userId, first: $first, after: $after) {\n      edges { cursor node { ...SecurityEventFields actor { id displayName email } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.UserEventsDocument,
    "\n  mutation ResetTwoFactor($userId: ID!, $reason: String!, $unlinkSso: Boolean) {\n    resetTwoFactor(userId: $userId, reason: $reason, unlinkSso: $unlinkSso) { ...UserFields }\n  }\n": types.ResetTwoFactorDocument,
    "\n  mutation UnlinkUserProvider($userId: ID!, $providerId: ID!, $reason: String!) {\n    unlinkUserProvider(userId: $userId, providerId: $providerId, reason: $reason) { id }\n  }\n": types.UnlinkUserProviderDocument,
    "mutation UnlockAccount($userId: ID!) { unlockAccount(userId: $userId) { ...UserFields } }": types.UnlockAccountDocument,
    "query AdminSsoProviders { adminSsoProviders { ...ProviderConfig } }": types.AdminSsoProvidersDocument,
    "\n  mutation ConfigureSsoProvider($input: SsoProviderInput!) { configureSsoProvider(input: $input) { ...ProviderConfig } }\n": types.ConfigureSsoProviderDocument,
    "mutation RemoveSsoProvider($id: ID!) { removeSsoProvider(id: $id) }": types.RemoveSsoProviderDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment SecurityState on AccountSecurity {\n  twoFactorEnabled\n  lastTwoFactorAt\n  lockedUntil\n  email {\n    enabled\n    enabledAt\n  }\n  totp {\n    enabled\n    enabledAt\n  }\n  backupCodes {\n    total\n    remaining\n    generatedAt\n  }\n}\n\nfragment Session on AuthSession {\n  token\n  expiresAt\n  user {\n    id\n    email\n    role\n  }\n}\n\nfragment LoginOutcome on LoginResult {\n  __typename\n  ... on AuthSession {\n    ...Session\n  }\n  ... on TwoFactorChallenge {\n    challengeToken\n    methods\n    expiresAt\n    attemptsLeft\n    lockedUntil\n  }\n}\n\nfragment ProviderConfig on SsoProviderConfig {\n  id\n  kind\n  displayName\n  clientId\n  issuer\n  tenant\n  allowedTenants\n  enabled\n  requireTwoFactor\n  redirectUri\n  discoveryProblem\n  linkedAccounts\n}"): typeof import('./graphql').SecurityStateFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ResetPreview($id: ID!) {\n    user(id: $id) { ...UserFields security { ssoConnections { ...SsoConnectionFields } } }\n    userSessions(userId: $id) { id }\n  }\n"): typeof import('./graphql').ResetPreviewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VerifyCodeRemember($challengeToken: String!, $method: TwoFactorMethod!, $code: String!, $rememberDevice: Boolean) {\n    verifyCode(challengeToken: $challengeToken, method: $method, code: $code, rememberDevice: $rememberDevice) { __typename ...Session }\n  }\n"): typeof import('./graphql').VerifyCodeRememberDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TrustedBrowsers { myTrustedDevices { id createdAt lastUsedAt expiresAt browser os ip current } }\n"): typeof import('./graphql').TrustedBrowsersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ForgetTrustedBrowser($id: ID!) { revokeTrustedDevice(id: $id) }\n"): typeof import('./graphql').ForgetTrustedBrowserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ForgetAllTrustedBrowsers { revokeAllTrustedDevices }\n"): typeof import('./graphql').ForgetAllTrustedBrowsersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangeMyPassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n"): typeof import('./graphql').ChangeMyPasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeactivateAccount($userId: ID!, $reason: String!) { deactivateUser(userId: $userId, reason: $reason) { ...UserFields status } }\n"): typeof import('./graphql').DeactivateAccountDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReactivateAccount($userId: ID!) { reactivateUser(userId: $userId) { ...UserFields status } }\n"): typeof import('./graphql').ReactivateAccountDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangeRole($userId: ID!, $role: Role!) { setUserRole(userId: $userId, role: $role) { ...UserFields status } }\n"): typeof import('./graphql').ChangeRoleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query UserLifecycle($id: ID!) { user(id: $id) { id status role } }"): typeof import('./graphql').UserLifecycleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation BeginWebAuthnRegistration { beginWebAuthnRegistration }"): typeof import('./graphql').BeginWebAuthnRegistrationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FinishWebAuthnRegistration($response: String!, $name: String!) {\n    finishWebAuthnRegistration(response: $response, name: $name) { backupCodes user { ...UserFields } }\n  }\n"): typeof import('./graphql').FinishWebAuthnRegistrationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RenameWebAuthnCredential($id: ID!, $name: String!) { renameWebAuthnCredential(id: $id, name: $name) { id name } }\n"): typeof import('./graphql').RenameWebAuthnCredentialDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveWebAuthnCredential($id: ID!) { removeWebAuthnCredential(id: $id) { ...UserFields } }\n"): typeof import('./graphql').RemoveWebAuthnCredentialDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BeginWebAuthnChallenge($challengeToken: String!) { beginWebAuthnChallenge(challengeToken: $challengeToken) }\n"): typeof import('./graphql').BeginWebAuthnChallengeDocument;
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
export function graphql(source: "\n  mutation FinishPasskeyLogin($loginToken: String!, $response: String!) {\n    finishPasskeyLogin(loginToken: $loginToken, response: $response) { __typename enrollmentRequired user { id } }\n  }\n"): typeof import('./graphql').FinishPasskeyLoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PolicyPage {\n    securityPolicy {\n      requireTwoFactor gracePeriodDays allowedMethods phishingResistantFor\n      sessionIdleMinutes sessionMaxHours trustedDeviceDays updatedAt updatedBy { displayName email }\n    }\n  }\n"): typeof import('./graphql').PolicyPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveSecurityPolicy($input: SecurityPolicyInput!) {\n    updateSecurityPolicy(input: $input) {\n      requireTwoFactor gracePeriodDays allowedMethods phishingResistantFor\n      sessionIdleMinutes sessionMaxHours trustedDeviceDays updatedAt updatedBy { displayName email }\n    }\n  }\n"): typeof import('./graphql').SaveSecurityPolicyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PolicyImpact($input: SecurityPolicyInput!) { securityPolicyImpact(input: $input) { nonCompliant restrictedAtOnce deadline } }\n"): typeof import('./graphql').PolicyImpactDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyEnrollmentState { me { id security { twoFactorRequired enrollmentDeadline } } }\n"): typeof import('./graphql').MyEnrollmentStateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleOverview {\n    securityOverview { users twoFactorEnabled emailEnabled totpEnabled webauthnEnabled lockedNow lowBackupCodes nonCompliant inGracePeriod deactivated invited }\n  }\n"): typeof import('./graphql').ConsoleOverviewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleUsers(\n    $search: String, $twoFactorEnabled: Boolean, $method: EnabledMethodFilter, $locked: Boolean, $backupCodesRemainingAtMost: Int,\n    $status: UserStatus, $twoFactorCompliant: Boolean, $first: Int, $after: String, $orderBy: UserOrder\n  ) {\n    users(\n      search: $search, twoFactorEnabled: $twoFactorEnabled, method: $method, locked: $locked, backupCodesRemainingAtMost: $backupCodesRemainingAtMost,\n      status: $status, twoFactorCompliant: $twoFactorCompliant, first: $first, after: $after, orderBy: $orderBy\n    ) {\n      totalCount pageInfo { hasNextPage endCursor }\n      edges { cursor node { ...UserFields status security { twoFactorRequired enrollmentDeadline } } }\n    }\n  }\n"): typeof import('./graphql').ConsoleUsersDocument;
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
export function graphql(source: "\n  mutation InviteUser($input: InviteUserInput!) { inviteUser(input: $input) { id email displayName role } }\n"): typeof import('./graphql').InviteUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUserWithPassword($input: CreateUserInput!) { createUser(input: $input) { id email displayName role } }\n"): typeof import('./graphql').CreateUserWithPasswordDocument;
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
export function graphql(source: "\n  query SignedInSessions { mySessions { id createdAt lastSeenAt browser os ip signedInWith current } }\n"): typeof import('./graphql').SignedInSessionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOutSession($id: ID!) { revokeSession(id: $id) }\n"): typeof import('./graphql').SignOutSessionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOutOtherSessions { revokeOtherSessions }\n"): typeof import('./graphql').SignOutOtherSessionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UserSignedInSessions($userId: ID!) { userSessions(userId: $userId) { id createdAt lastSeenAt browser os ip signedInWith } }\n"): typeof import('./graphql').UserSignedInSessionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOutUserEverywhere($userId: ID!) { revokeUserSessions(userId: $userId) }\n"): typeof import('./graphql').SignOutUserEverywhereDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VerifySignInCode($challengeToken: String!, $method: TwoFactorMethod!, $code: String!, $rememberDevice: Boolean) {\n    verifyCode(challengeToken: $challengeToken, method: $method, code: $code, rememberDevice: $rememberDevice) { __typename ...Session backupCodesRemaining }\n  }\n"): typeof import('./graphql').VerifySignInCodeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendSignInCode($challengeToken: String!) { sendLoginCode(challengeToken: $challengeToken) { sentTo expiresAt resendAvailableAt } }\n"): typeof import('./graphql').SendSignInCodeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SendSetupCode { setupEmailTwoFactor { sentTo expiresAt resendAvailableAt } }"): typeof import('./graphql').SendSetupCodeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SendReauthEmailCode { sendReauthenticationCode { sentTo expiresAt resendAvailableAt } }"): typeof import('./graphql').SendReauthEmailCodeDocument;
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
export function graphql(source: "\n  query SsoTestResult($ticket: String!) { ssoTestResult(ticket: $ticket) { provider { id kind displayName } subject email emailVerified } }\n"): typeof import('./graphql').SsoTestResultDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UserFields on User {\n    id email displayName role createdAt lastLoginAt\n    security {\n      ...SecurityState\n      webauthn { enabled enabledAt }\n      webauthnCredentials { id name createdAt lastUsedAt passkey }\n    }\n  }\n"): typeof import('./graphql').UserFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SsoConnectionFields on SsoConnection { provider { id kind displayName } email emailVerified linkedAt }\n"): typeof import('./graphql').SsoConnectionFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SecurityEventFields on SecurityEvent { id type createdAt ip userAgent detail }\n"): typeof import('./graphql').SecurityEventFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Me { me { ...UserFields } }"): typeof import('./graphql').MeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SsoProviders { ssoProviders { id kind displayName } }"): typeof import('./graphql').SsoProvidersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MySso {\n    ssoProviders { id kind displayName }\n    me { id security { ssoConnections { ...SsoConnectionFields } } }\n  }\n"): typeof import('./graphql').MySsoDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { ...LoginOutcome } }\n"): typeof import('./graphql').LoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendLoginCode($challengeToken: String!) { sendLoginCode(challengeToken: $challengeToken) { sentTo expiresAt } }\n"): typeof import('./graphql').SendLoginCodeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VerifyCode($challengeToken: String!, $method: TwoFactorMethod!, $code: String!) {\n    verifyCode(challengeToken: $challengeToken, method: $method, code: $code) { __typename ...Session }\n  }\n"): typeof import('./graphql').VerifyCodeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompleteSsoLogin($ticket: String!) { completeSsoLogin(ticket: $ticket) { ...LoginOutcome } }\n"): typeof import('./graphql').CompleteSsoLoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SsoTicket($ticket: String!) { ssoTicket(ticket: $ticket) { provider { id kind displayName } email emailVerified } }\n"): typeof import('./graphql').SsoTicketDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BindSsoAccount($ticket: String!, $email: String!, $password: String!) {\n    bindSsoAccount(ticket: $ticket, email: $email, password: $password) { ...LoginOutcome }\n  }\n"): typeof import('./graphql').BindSsoAccountDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Logout { logout }"): typeof import('./graphql').LogoutDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SetupEmailTwoFactor { setupEmailTwoFactor { sentTo expiresAt } }"): typeof import('./graphql').SetupEmailTwoFactorDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmEmailTwoFactor($code: String!) { confirmEmailTwoFactor(code: $code) { backupCodes user { ...UserFields } } }\n"): typeof import('./graphql').ConfirmEmailTwoFactorDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DisableEmailTwoFactor { disableEmailTwoFactor { ...UserFields } }"): typeof import('./graphql').DisableEmailTwoFactorDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation EnableTotp { enableTotp { secret otpauthUrl qrCodeDataUrl } }"): typeof import('./graphql').EnableTotpDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmTotp($code: String!) { confirmTotp(code: $code) { backupCodes user { ...UserFields } } }\n"): typeof import('./graphql').ConfirmTotpDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DisableTotp { disableTotp { ...UserFields } }"): typeof import('./graphql').DisableTotpDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query BackupCodes { backupCodes { code used } }"): typeof import('./graphql').BackupCodesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RegenerateBackupCodes { regenerateBackupCodes }"): typeof import('./graphql').RegenerateBackupCodesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Reauthenticate($password: String, $method: TwoFactorMethod, $code: String) {\n    reauthenticate(password: $password, method: $method, code: $code)\n  }\n"): typeof import('./graphql').ReauthenticateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SendReauthenticationCode { sendReauthenticationCode { sentTo expiresAt } }"): typeof import('./graphql').SendReauthenticationCodeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation LinkProvider($providerId: ID!) { linkProvider(providerId: $providerId) { authorizationUrl } }"): typeof import('./graphql').LinkProviderDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UnlinkProvider($providerId: ID!) { unlinkProvider(providerId: $providerId) { id } }"): typeof import('./graphql').UnlinkProviderDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MySecurityEvents($first: Int, $after: String) {\n    mySecurityEvents(first: $first, after: $after) {\n      edges { cursor node { ...SecurityEventFields actor { id displayName } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): typeof import('./graphql').MySecurityEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SecurityOverview { securityOverview { users twoFactorEnabled emailEnabled totpEnabled lockedNow lowBackupCodes } }\n"): typeof import('./graphql').SecurityOverviewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Users($search: String, $twoFactorEnabled: Boolean, $method: EnabledMethodFilter, $locked: Boolean, $backupCodesRemainingAtMost: Int, $first: Int, $after: String) {\n    users(search: $search, twoFactorEnabled: $twoFactorEnabled, method: $method, locked: $locked, backupCodesRemainingAtMost: $backupCodesRemainingAtMost, first: $first, after: $after) {\n      totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ...UserFields } }\n    }\n  }\n"): typeof import('./graphql').UsersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query UserDetail($id: ID!) { user(id: $id) { ...UserFields } }"): typeof import('./graphql').UserDetailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UserSso($id: ID!) { user(id: $id) { id security { ssoConnections { ...SsoConnectionFields } } } }\n"): typeof import('./graphql').UserSsoDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UserEvents($userId: ID, $first: Int, $after: String) {\n    securityEvents(userId: $userId, first: $first, after: $after) {\n      edges { cursor node { ...SecurityEventFields actor { id displayName email } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): typeof import('./graphql').UserEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetTwoFactor($userId: ID!, $reason: String!, $unlinkSso: Boolean) {\n    resetTwoFactor(userId: $userId, reason: $reason, unlinkSso: $unlinkSso) { ...UserFields }\n  }\n"): typeof import('./graphql').ResetTwoFactorDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnlinkUserProvider($userId: ID!, $providerId: ID!, $reason: String!) {\n    unlinkUserProvider(userId: $userId, providerId: $providerId, reason: $reason) { id }\n  }\n"): typeof import('./graphql').UnlinkUserProviderDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UnlockAccount($userId: ID!) { unlockAccount(userId: $userId) { ...UserFields } }"): typeof import('./graphql').UnlockAccountDocument;
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


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
