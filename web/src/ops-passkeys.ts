/**
 * Operations of passkeys and security keys (WebAuthn, API.md Part 2): User settings › Two-factor
 * authentication, "Sign in with a passkey" and the passkey step of the login page, and the passkey
 * option of the re-authentication dialog. Options and responses travel as the WebAuthn JSON forms
 * in strings; the pages hold them only in memory for the one ceremony.
 */
import { graphql } from './gql';

export const BEGIN_WEBAUTHN_REGISTRATION = graphql(`mutation BeginWebAuthnRegistration { beginWebAuthnRegistration }`);
export const FINISH_WEBAUTHN_REGISTRATION = graphql(`
  mutation FinishWebAuthnRegistration($response: String!, $name: String!) {
    finishWebAuthnRegistration(response: $response, name: $name) { backupCodes user { ...UserFields } }
  }
`);
export const RENAME_WEBAUTHN_CREDENTIAL = graphql(`
  mutation RenameWebAuthnCredential($id: ID!, $name: String!) { renameWebAuthnCredential(id: $id, name: $name) { id name } }
`);
export const REMOVE_WEBAUTHN_CREDENTIAL = graphql(`
  mutation RemoveWebAuthnCredential($id: ID!) { removeWebAuthnCredential(id: $id) { ...UserFields } }
`);
export const BEGIN_WEBAUTHN_CHALLENGE = graphql(`
  mutation BeginWebAuthnChallenge($challengeToken: String!) { beginWebAuthnChallenge(challengeToken: $challengeToken) }
`);
export const BEGIN_WEBAUTHN_REAUTH = graphql(`mutation BeginWebAuthnReauthentication { beginWebAuthnReauthentication }`);
export const BEGIN_PASSKEY_LOGIN = graphql(`mutation BeginPasskeyLogin { beginPasskeyLogin { loginToken options } }`);
// The session rides in its HttpOnly cookie: the page asks for no token.
export const FINISH_PASSKEY_LOGIN = graphql(`
  mutation FinishPasskeyLogin($loginToken: String!, $response: String!) {
    finishPasskeyLogin(loginToken: $loginToken, response: $response) { __typename enrollmentRequired user { id } }
  }
`);
