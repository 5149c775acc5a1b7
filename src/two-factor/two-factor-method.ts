/** The one enumeration of second-factor methods (GraphQL `TwoFactorMethod`). */
export enum TwoFactorMethod {
  EMAIL = 'EMAIL',
  TOTP = 'TOTP',
  BACKUP_CODE = 'BACKUP_CODE',
  /**
   * API.md Part 2 (passkeys). Listed now so the security policy can name it (`allowedMethods`,
   * `phishingResistantFor`); no factor registers it yet, so it is never enabled and a check with
   * it answers as for any unavailable method.
   */
  WEBAUTHN = 'WEBAUTHN',
}
