/** The admin console's SSO setup operations beyond ops.ts: the draft (redirect URI before saving) and "Test sign-in". */
import { graphql } from './gql';

/** An id and its redirect URI for a provider not saved yet: the form shows the URI, and saves with `newId`. */
export const SSO_PROVIDER_DRAFT = graphql(`query SsoProviderDraft { ssoProviderDraft { id redirectUri } }`);

/** A real sign-in round trip against the provider, in a new tab; nobody is signed in and nothing is linked. */
export const TEST_SSO_PROVIDER = graphql(`mutation TestSsoProvider($id: ID!) { testSsoProvider(id: $id) { authorizationUrl } }`);

/** What the provider vouched for in that test (only in this browser, only for this admin). */
export const SSO_TEST_RESULT = graphql(`
  query SsoTestResult($ticket: String!) { ssoTestResult(ticket: $ticket) { provider { id kind displayName } subject email emailVerified } }
`);
