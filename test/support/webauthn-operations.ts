/**
 * Operations of passkeys and security keys (API.md Part 2, "Passkeys and security keys"), typed
 * by `npm run codegen` like ./operations.ts.
 */
import { typed } from './gql';
import { graphql } from './generated';

export const BEGIN_REGISTRATION = typed(graphql(`mutation BeginWebAuthnRegistration { beginWebAuthnRegistration }`));
export const FINISH_REGISTRATION = typed(graphql(`
  mutation FinishWebAuthnRegistration($response: String!, $name: String!) {
    finishWebAuthnRegistration(response: $response, name: $name) { backupCodes user { id } }
  }
`));
export const RENAME_CREDENTIAL = typed(graphql(`
  mutation RenameWebAuthnCredential($id: ID!, $name: String!) { renameWebAuthnCredential(id: $id, name: $name) { id name passkey } }
`));
export const REMOVE_CREDENTIAL = typed(graphql(`
  mutation RemoveWebAuthnCredential($id: ID!) { removeWebAuthnCredential(id: $id) { id security { ...SecurityState webauthn { enabled } } } }
`));
export const MY_PASSKEYS = typed(graphql(`
  query MyPasskeys {
    me { id security { ...SecurityState webauthn { enabled enabledAt } webauthnCredentials { id name createdAt lastUsedAt passkey } } }
  }
`));
export const BEGIN_CHALLENGE_ASSERTION = typed(graphql(`mutation BeginWebAuthnChallenge($challengeToken: String!) { beginWebAuthnChallenge(challengeToken: $challengeToken) }`));
export const BEGIN_REAUTH_ASSERTION = typed(graphql(`mutation BeginWebAuthnReauthentication { beginWebAuthnReauthentication }`));
export const BEGIN_PASSKEY_LOGIN = typed(graphql(`mutation BeginPasskeyLogin { beginPasskeyLogin { loginToken options } }`));
export const FINISH_PASSKEY_LOGIN = typed(graphql(`
  mutation FinishPasskeyLogin($loginToken: String!, $response: String!) {
    finishPasskeyLogin(loginToken: $loginToken, response: $response) { ...Session enrollmentRequired }
  }
`));
export const WEBAUTHN_OVERVIEW = typed(graphql(`query WebAuthnOverview { securityOverview { webauthnEnabled twoFactorEnabled } }`));
