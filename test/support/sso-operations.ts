/** Named GraphQL operations of the SSO e2e tests. */
const LOGIN_RESULT = `
  __typename
  ... on AuthSession { token expiresAt user { id email } }
  ... on TwoFactorChallenge { challengeToken methods expiresAt }`;

export const SSO_PROVIDERS = `query SsoProviders { ssoProviders { id kind displayName } }`;
export const ADMIN_SSO_PROVIDERS = `query AdminSsoProviders {
  adminSsoProviders { id kind displayName clientId issuer tenant enabled requireTwoFactor redirectUri allowedTenants }
}`;
export const CONFIGURE_SSO_PROVIDER = `mutation ConfigureSsoProvider($input: SsoProviderInput!) {
  configureSsoProvider(input: $input) { id kind displayName clientId issuer tenant enabled requireTwoFactor redirectUri allowedTenants }
}`;
export const REMOVE_SSO_PROVIDER = `mutation RemoveSsoProvider($id: ID!) { removeSsoProvider(id: $id) }`;
export const LINK_PROVIDER = `mutation LinkProvider($providerId: ID!) { linkProvider(providerId: $providerId) { authorizationUrl } }`;
export const UNLINK_PROVIDER = `mutation UnlinkProvider($providerId: ID!) { unlinkProvider(providerId: $providerId) { id email } }`;
export const COMPLETE_SSO_LOGIN = `mutation CompleteSsoLogin($ticket: String!) { completeSsoLogin(ticket: $ticket) { ${LOGIN_RESULT} } }`;
export const BIND_SSO_ACCOUNT = `mutation BindSsoAccount($ticket: String!, $email: String!, $password: String!) {
  bindSsoAccount(ticket: $ticket, email: $email, password: $password) { ${LOGIN_RESULT} }
}`;
export const MY_SSO_CONNECTIONS = `query MySsoConnections { me { id security { ssoConnections { provider { id kind displayName } email linkedAt } } } }`;
export const MY_SSO_CONNECTIONS_VERIFIED = `query MySsoConnectionsVerified { me { id security { ssoConnections { provider { id } email emailVerified } } } }`;
export const SSO_TICKET = `query SsoTicket($ticket: String!) { ssoTicket(ticket: $ticket) { provider { id kind displayName } email emailVerified } }`;
export const UNLINK_USER_PROVIDER = `mutation UnlinkUserProvider($userId: ID!, $providerId: ID!, $reason: String!) {
  unlinkUserProvider(userId: $userId, providerId: $providerId, reason: $reason) { id email }
}`;
export const RESET_2FA_UNLINK_SSO = `mutation ResetTwoFactorUnlinkSso($userId: ID!, $reason: String!, $unlinkSso: Boolean) {
  resetTwoFactor(userId: $userId, reason: $reason, unlinkSso: $unlinkSso) { id security { twoFactorEnabled ssoConnections { provider { id } } } }
}`;
