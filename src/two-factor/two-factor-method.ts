/** The one enumeration of second-factor methods (GraphQL `TwoFactorMethod`). */
export enum TwoFactorMethod {
  EMAIL = 'EMAIL',
  TOTP = 'TOTP',
  BACKUP_CODE = 'BACKUP_CODE',
  /** Passkeys and security keys (the webauthn module registers the factor). */
  WEBAUTHN = 'WEBAUTHN',
}
