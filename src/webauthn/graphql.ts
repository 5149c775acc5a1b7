/** The webauthn module's GraphQL types, for resolvers of other modules. */
export { PasskeyLoginStartModel, WebAuthnCredentialModel } from './dto/webauthn.models';
