/** Named GraphQL operations of the SSO e2e tests, as typed documents (see ./operations.ts). */
import { typed } from './gql';
import { graphql } from './generated';

export const SSO_PROVIDERS = typed(graphql(`query SsoProviders { ssoProviders { id kind displayName } }`));
export const ADMIN_SSO_PROVIDERS = typed(graphql(`query AdminSsoProviders { adminSsoProviders { ...ProviderConfig } }`));
export const CONFIGURE_SSO_PROVIDER = typed(graphql(`
  mutation ConfigureSsoProvider($input: SsoProviderInput!) { configureSsoProvider(input: $input) { ...ProviderConfig } }
`));
export const REMOVE_SSO_PROVIDER = typed(graphql(`mutation RemoveSsoProvider($id: ID!) { removeSsoProvider(id: $id) }`));
export const LINK_PROVIDER = typed(graphql(`mutation LinkProvider($providerId: ID!) { linkProvider(providerId: $providerId) { authorizationUrl } }`));
export const UNLINK_PROVIDER = typed(graphql(`mutation UnlinkProvider($providerId: ID!) { unlinkProvider(providerId: $providerId) { id email } }`));
export const COMPLETE_SSO_LOGIN = typed(graphql(`mutation CompleteSsoLogin($ticket: String!) { completeSsoLogin(ticket: $ticket) { ...LoginOutcome } }`));
export const BIND_SSO_ACCOUNT = typed(graphql(`
  mutation BindSsoAccount($ticket: String!, $email: String!, $password: String!) {
    bindSsoAccount(ticket: $ticket, email: $email, password: $password) { ...LoginOutcome }
  }
`));
export const MY_SSO_CONNECTIONS = typed(graphql(`
  query MySsoConnections { me { id security { ssoConnections { provider { id kind displayName } email linkedAt } } } }
`));
export const MY_SSO_CONNECTIONS_VERIFIED = typed(graphql(`
  query MySsoConnectionsVerified { me { id security { ssoConnections { provider { id } email emailVerified } } } }
`));
export const SSO_TICKET = typed(graphql(`
  query SsoTicket($ticket: String!) { ssoTicket(ticket: $ticket) { provider { id kind displayName } email emailVerified } }
`));
export const UNLINK_USER_PROVIDER = typed(graphql(`
  mutation UnlinkUserProvider($userId: ID!, $providerId: ID!, $reason: String!) {
    unlinkUserProvider(userId: $userId, providerId: $providerId, reason: $reason) { id email }
  }
`));
export const RESET_2FA_UNLINK_SSO = typed(graphql(`
  mutation ResetTwoFactorUnlinkSso($userId: ID!, $reason: String!, $unlinkSso: Boolean) {
    resetTwoFactor(userId: $userId, reason: $reason, unlinkSso: $unlinkSso) { id security { twoFactorEnabled ssoConnections { provider { id } } } }
  }
`));
export const SSO_PROVIDER_DRAFT = typed(graphql(`query SsoProviderDraft { ssoProviderDraft { id redirectUri } }`));
export const TEST_SSO_PROVIDER = typed(graphql(`mutation TestSsoProvider($id: ID!) { testSsoProvider(id: $id) { authorizationUrl } }`));
export const SSO_TEST_RESULT = typed(graphql(`
  query SsoTestResult($ticket: String!) { ssoTestResult(ticket: $ticket) { provider { id displayName } subject email emailVerified } }
`));
