/** How a session was opened (API.md Part 2, `Session.signedInWith`). */
export enum SignInMethod {
  PASSWORD = 'PASSWORD',
  TWO_FACTOR = 'TWO_FACTOR',
  SSO = 'SSO',
  PASSKEY = 'PASSKEY',
  TRUSTED_DEVICE = 'TRUSTED_DEVICE',
}
