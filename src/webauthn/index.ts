/** The public surface of the webauthn module (resolvers take the GraphQL types from `./graphql`). */
export { WebAuthnModule } from './webauthn.module';
export { WebAuthnService } from './webauthn.service';
export type { CeremonyBinding, ResolvedAssertion, VerifiedAssertion, VerifiedRegistration } from './webauthn.service';
export { CeremonyPurpose } from './webauthn-challenge.entity';
export { WebAuthnCredentialEntity } from './webauthn-credential.entity';
export { WebAuthnError } from './webauthn.errors';
